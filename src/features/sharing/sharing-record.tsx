import type { Child } from 'hono/jsx'
import { formatFileSize } from '#src/features/files/index.ts'
import { formatDate } from '#src/ui/format.ts'
import { TimeAt } from '#src/ui/time-at.tsx'
import type { SharingEntry } from './list-sharing.ts'

/** Where a record's evidence file downloads from (its organisation's seat holders, staff and the board). */
export const evidencePath = (r: SharingEntry): string =>
  `/organizations/${r.organization.slug}/sharing/${r.id}/evidence`

/** The anchor of a record on the pages that list it. */
export const recordAnchor = (id: string): string => `sharing-${id}`

function When(props: { instant: string | null }) {
  if (!props.instant) return null
  return <TimeAt at={props.instant} />
}

function Heading(props: { level: 2 | 4; id: string; children: Child }) {
  return props.level === 2 ? (
    <h2 id={props.id} class="sharing-title">
      {props.children}
    </h2>
  ) : (
    <h4 id={props.id} class="sharing-title">
      {props.children}
    </h4>
  )
}

function Evidence(props: { record: SharingEntry }) {
  const { evidenceUrl, evidenceFile } = props.record
  if (!evidenceUrl && !evidenceFile) return <span class="note">None given</span>
  return (
    <ul class="sharing-evidence">
      {evidenceUrl ? (
        <li>
          <a href={evidenceUrl} rel="noopener noreferrer nofollow">
            {evidenceUrl}
          </a>
        </li>
      ) : null}
      {evidenceFile ? (
        <li>
          <a href={evidencePath(props.record)}>{evidenceFile.name}</a>{' '}
          <span class="note">({formatFileSize(evidenceFile.size)})</span>
        </li>
      ) : null}
    </ul>
  )
}

/** The staff question on a record and its answer, when one was asked. */
function QuestionAndAnswer(props: { record: SharingEntry }) {
  const r = props.record
  if (!r.question) return null
  return (
    <div class="sharing-question">
      <p class="sharing-question-head">
        <strong>Question from staff</strong>{' '}
        <span class="note">
          {r.questionedBy ? `${r.questionedBy}, ` : ''}
          <When instant={r.questionedAt} />
        </span>
      </p>
      <p class="sharing-text">{r.question}</p>
      {r.answer ? (
        <>
          <p class="sharing-question-head">
            <strong>Answer</strong>{' '}
            <span class="note">
              <When instant={r.answeredAt} />
            </span>
          </p>
          <p class="sharing-text">{r.answer}</p>
        </>
      ) : (
        <p class="sharing-unanswered">Not answered yet.</p>
      )}
    </div>
  )
}

/** One sharing record: when, with whom, how, which briefings, the evidence, and any question. */
export function SharingRecordCard(props: {
  record: SharingEntry
  headingLevel: 2 | 4
  /** On network pages: the organisation's name, linked to its sharing page. */
  showOrganization?: boolean
  /** The forms under the record (answer, question). */
  children?: Child
}) {
  const r = props.record
  const titleId = `${recordAnchor(r.id)}-title`
  const isOpen = r.question !== null && r.answer === null
  return (
    <article class="sharing-record" id={recordAnchor(r.id)} aria-labelledby={titleId}>
      <div class="sharing-record-head">
        <Heading level={props.headingLevel} id={titleId}>
          {props.showOrganization ? (
            <>
              <a href={`/organizations/${r.organization.slug}/sharing`}>{r.organization.name}</a>
              <span class="sharing-title-sep">: </span>
            </>
          ) : null}
          Shared on <time datetime={r.sharedOn}>{formatDate(r.sharedOn)}</time>
        </Heading>
        {isOpen ? <span class="badge sharing-open">Question awaiting an answer</span> : null}
        {r.question && r.answer ? <span class="badge sharing-answered">Question answered</span> : null}
      </div>
      <dl class="sharing-facts">
        <dt>Audience</dt>
        <dd>{r.audience}</dd>
        <dt>Channel</dt>
        <dd>{r.channel}</dd>
        <dt>Briefings</dt>
        <dd>
          {r.briefings.length === 0 ? (
            <span class="note">None named</span>
          ) : (
            <ul class="sharing-briefings">
              {r.briefings.map((b) => (
                <li>{b.title}</li>
              ))}
            </ul>
          )}
        </dd>
        {r.description ? (
          <>
            <dt>What was shared</dt>
            <dd class="sharing-text">{r.description}</dd>
          </>
        ) : null}
        <dt>Evidence</dt>
        <dd>
          <Evidence record={r} />
        </dd>
        <dt>Recorded</dt>
        <dd>
          {r.recordedBy ? `By ${r.recordedBy}, ` : ''}
          <When instant={r.recordedAt} />
        </dd>
      </dl>
      <QuestionAndAnswer record={r} />
      {props.children}
    </article>
  )
}
