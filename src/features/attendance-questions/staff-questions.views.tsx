import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { QuestionList, QuestionText } from './question-parts.tsx'
import type { QuestionRow } from './question-rows.ts'

/** What staff typed into one question's answer form, and what was wrong with it. */
export type AnswerAttempt = { questionId: string; reason: string; error: string }

function AnswerForm(props: { question: QuestionRow; attempt?: AnswerAttempt }) {
  const { question: q, attempt } = props
  const id = `reason-${q.id}`
  return (
    <form method="post" action={`/staff/attendance-questions/${q.id}/answer`} novalidate>
      <CsrfInput />
      <TextArea
        id={id}
        name="reason"
        label="Reason (required to decline)"
        hint="The organisation’s seat holders read it with the answer."
        value={attempt?.reason ?? ''}
        error={attempt?.error}
        rows={2}
      />
      <div class="actions-row">
        <button type="submit" name="answer" value="accept" class="button">
          Accept: the call counts
        </button>
        <button type="submit" name="answer" value="decline" class="button secondary">
          Decline
        </button>
      </div>
    </form>
  )
}

/** Staff's page: the open questions to answer, and the answered ones. */
export function StaffQuestionsPage(props: {
  open: QuestionRow[]
  answered: QuestionRow[]
  minimumMinutes: number
  timeZone: string
  attempt?: AnswerAttempt
  flash?: FlashMessage
}) {
  return (
    <Layout title="Attendance questions">
      <div class="wrap">
        <StaffNav current="attendance-questions" />
        <h1>Attendance questions</h1>
        <p class="lede">
          Seat holders who say they were on a call the records miss. Accepting records them as present for{' '}
          {props.minimumMinutes} minutes (what counts), so the call counts for their organisation.
        </p>
        <Flashes flash={props.flash} />
        <h2>Open ({props.open.length})</h2>
        {props.open.length === 0 ? (
          <p>No question is waiting for an answer.</p>
        ) : (
          <ul class="call-list question-list">
            {props.open.map((q) => (
              <li class="card">
                <h3>
                  <a href={`/organizations/${q.organizationSlug}/calls/${q.callDate}/attendance`}>
                    {q.organizationName}
                  </a>
                </h3>
                <QuestionText question={q} timeZone={props.timeZone} withCall />
                <AnswerForm
                  question={q}
                  attempt={props.attempt?.questionId === q.id ? props.attempt : undefined}
                />
              </li>
            ))}
          </ul>
        )}
        <h2>Answered</h2>
        <QuestionList
          questions={props.answered}
          timeZone={props.timeZone}
          withCall
          withOrganization
          none="No question has been answered yet."
        />
      </div>
    </Layout>
  )
}
