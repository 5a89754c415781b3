import { seatLabels } from '#src/features/seats/index.ts'
import type { FieldErrors } from '#src/http/form.ts'
import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { CallQuestions } from './load-pages.ts'
import { QuestionList } from './question-parts.tsx'
import type { QuestionRow } from './question-rows.ts'

type Org = { slug: string; name: string }
export type AskValues = { personId: string; appearedAs: string; note: string }

/** The organisation's questions about attendance, and the recent held calls to ask about. */
export function OrganizationQuestionsPage(props: {
  org: Org
  questions: QuestionRow[]
  recentCalls: string[]
  timeZone: string
}) {
  const { org } = props
  return (
    <Layout title={`Attendance questions: ${org.name}`}>
      <div class="wrap">
        <p>
          <a href={`/organizations/${org.slug}/obligations`}>← Obligations of {org.name}</a>
        </p>
        <h1>Attendance questions</h1>
        <p class="lede">
          Were you on a call that shows {org.name} as not attended (you joined from a phone, or under another
          name)? Choose the call and tell staff how you appeared on it.
        </p>
        <h2>Ask about a call</h2>
        {props.recentCalls.length === 0 ? (
          <p>No call was held in the last 90 days.</p>
        ) : (
          <ul class="meta">
            {props.recentCalls.map((date) => (
              <li>
                <a href={`/organizations/${org.slug}/calls/${date}/attendance`}>{formatDate(date)}</a>
              </li>
            ))}
          </ul>
        )}
        <h2>Questions asked</h2>
        <QuestionList
          questions={props.questions}
          timeZone={props.timeZone}
          withCall
          none={`No question about ${org.name}’s attendance yet.`}
        />
      </div>
    </Layout>
  )
}

/** One call's attendance for the organisation, its questions, and the form to ask one. */
export function CallQuestionPage(props: {
  org: Org
  data: CallQuestions
  /** Why the viewer cannot ask here (a call to come, not a seat holder that day), or null. */
  cannotAsk: string | null
  values: AskValues
  errors: FieldErrors
  flash?: FlashMessage
  timeZone: string
}) {
  const { org, data, values, errors } = props
  const day = formatDate(data.call.localDate)
  return (
    <Layout title={`Attendance on ${day}: ${org.name}`}>
      <div class="wrap">
        <p>
          <a href={`/organizations/${org.slug}/attendance-questions`}>← Attendance questions of {org.name}</a>
        </p>
        <h1>
          {org.name} on the call of {day}
        </h1>
        <Flashes flash={props.flash} />
        <h2>What the records say</h2>
        {data.holders.length === 0 ? (
          <p>Nobody held the organisation’s seats that day.</p>
        ) : (
          <ul>
            {data.holders.map((h) => (
              <li>
                {seatLabels[h.role]}: {h.fullName},{' '}
                {h.counts
                  ? `present ${h.minutes} min: counts`
                  : h.minutes > 0
                    ? `present ${h.minutes} min: below the ${data.minimumMinutes} min that count`
                    : 'not recorded as present'}
              </li>
            ))}
          </ul>
        )}
        <h2>Ask staff to correct it</h2>
        {props.cannotAsk ? (
          <p>{props.cannotAsk}</p>
        ) : (
          <form method="post" class="card" novalidate>
            <CsrfInput />
            <ErrorSummary errors={errors} nothing="saved" />
            {errors.form ? <p class="error">{errors.form}</p> : null}
            <fieldset class="choices" aria-describedby={errors.personId ? 'personId-error' : undefined}>
              <legend>Who was there</legend>
              {errors.personId ? (
                <p class="error" id="personId-error">
                  {errors.personId}
                </p>
              ) : null}
              {data.holders.map((h) => (
                <div>
                  <input
                    type="radio"
                    id={`personId-${h.id}`}
                    name="personId"
                    value={h.id}
                    checked={values.personId === h.id}
                    required
                  />{' '}
                  <label for={`personId-${h.id}`}>
                    {h.fullName} ({seatLabels[h.role].toLowerCase()})
                  </label>
                </div>
              ))}
            </fieldset>
            <Field
              id="appearedAs"
              name="appearedAs"
              label="Appeared on the call as"
              hint="The name, device or phone number the meeting tool showed: “iPhone 14”, “dialled in from 312 …”."
              value={values.appearedAs}
              error={errors.appearedAs}
              maxlength={200}
            />
            <TextArea
              id="note"
              name="note"
              label="Note for staff (optional)"
              value={values.note}
              error={errors.note}
              rows={3}
            />
            <button type="submit" class="button">
              Ask staff
            </button>
          </form>
        )}
        <h2>Questions about this call</h2>
        <QuestionList
          questions={data.questions}
          timeZone={props.timeZone}
          none="No question about this call yet."
        />
      </div>
    </Layout>
  )
}
