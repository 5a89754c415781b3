import type { AttendanceQuestionStatus } from '#src/db/schema/index.ts'
import { formatDate, formatInstantInZone } from '#src/ui/format.ts'
import type { QuestionRow } from './question-rows.ts'

export const statusLabels: Record<AttendanceQuestionStatus, string> = {
  open: 'Waiting for staff',
  accepted: 'Accepted',
  declined: 'Declined',
}

/** The question in the asker's words, and staff's answer when there is one. */
export function QuestionText(props: {
  question: QuestionRow
  timeZone: string
  withCall?: boolean
  withOrganization?: boolean
}) {
  const q = props.question
  return (
    <>
      <p>
        <span class={`badge question-${q.status}`}>{statusLabels[q.status]}</span>{' '}
        {props.withCall ? (
          <>
            <a href={`/calls/${q.callDate}`}>
              <time datetime={q.callDate}>{formatDate(q.callDate)}</time>
            </a>
            {': '}
          </>
        ) : null}
        {props.withOrganization ? `${q.organizationName}, ` : null}
        <strong>{q.personName}</strong> was there, as “{q.appearedAs}”.
      </p>
      {q.note ? <p class="note">Note: {q.note}</p> : null}
      <p class="note">
        Asked by {q.askedByName ?? 'a former account'} on {formatInstantInZone(q.createdAt, props.timeZone)}.
      </p>
      {q.status !== 'open' && q.answeredAt ? (
        <p>
          {q.status === 'accepted' ? 'Accepted' : 'Declined'} by {q.answeredByName ?? 'staff'} on{' '}
          {formatInstantInZone(q.answeredAt, props.timeZone)}
          {q.answerReason ? `: ${q.answerReason}` : '.'}
          {q.status === 'accepted' ? ' The call counts as attended.' : ''}
        </p>
      ) : null}
    </>
  )
}

/** A list of questions, or what to say when there are none. */
export function QuestionList(props: {
  questions: QuestionRow[]
  timeZone: string
  withCall?: boolean
  withOrganization?: boolean
  none: string
}) {
  if (props.questions.length === 0) return <p>{props.none}</p>
  return (
    <ul class="call-list question-list">
      {props.questions.map((q) => (
        <li class="card">
          <QuestionText
            question={q}
            timeZone={props.timeZone}
            withCall={props.withCall}
            withOrganization={props.withOrganization}
          />
        </li>
      ))}
    </ul>
  )
}
