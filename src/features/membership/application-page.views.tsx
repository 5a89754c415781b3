import type { MemberCriterion } from '#src/db/schema/index.ts'
import { ButtonForm, Flash } from '#src/ui/form-parts.tsx'
import { formatDate, formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { DraftForms } from './draft-form.views.tsx'
import { applicantEventLabels, applicantStatus, withdrawableStatuses } from './labels.ts'
import { StatusBadge } from './my-applications.views.tsx'
import { SubmittedView } from './submitted.views.tsx'
import type { ApplicationDetail, DraftField, DraftForm } from './types.ts'

export type EvidenceFormState = {
  criterion: MemberCriterion
  message: string
  link: string
  /** The links typed in every criterion's box, kept across the round trip. */
  links?: Partial<Record<MemberCriterion, string>>
}

export type ApplicationPageProps = {
  app: ApplicationDetail
  /** The draft form's values: the record, or what was typed when some of it did not pass. */
  form: DraftForm
  errors: Partial<Record<DraftField, string>>
  notice?: string
  /** A message at the top when something was refused. */
  problem?: string
  evidenceError?: EvidenceFormState
  /** After a refused submission: what is still missing. */
  missing?: string[]
  answer?: { value: string; error?: string }
  today: string
  timeZone: string
}

export function ApplicationPage(props: ApplicationPageProps) {
  const { app } = props
  const isDraft = app.status === 'draft'
  const title = app.organizationName || 'Your application'
  return (
    <Layout title={title}>
      <div class="wrap application-page">
        <p>
          <a href="/applications">← Your applications</a>
        </p>
        <h1>{title}</h1>
        <p class="lede">
          Application as a {app.category === 'member' ? 'member community' : 'BFF'} ·{' '}
          <StatusBadge status={app.status} />
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.problem ? <Flash isError>{props.problem}</Flash> : null}
        <StatusCard app={app} timeZone={props.timeZone} />
        {isDraft ? <DraftForms {...props} /> : <SubmittedView {...props} />}
        <History app={app} timeZone={props.timeZone} />
        {withdrawableStatuses.includes(app.status) ? <WithdrawForm app={app} /> : null}
      </div>
    </Layout>
  )
}

function StatusCard(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  const words = applicantStatus[app.status]
  const explanation =
    app.status === 'submitted' && app.category === 'bff'
      ? 'Staff are looking at it before it goes to the Advisory Board.'
      : words.explanation
  return (
    <section
      class={`card status-card${app.status === 'needs_info' ? ' attention' : ''}`}
      aria-labelledby="status-heading"
    >
      <h2 id="status-heading" class="visually-hidden">
        Where it stands
      </h2>
      <p class="status">{words.label}</p>
      <p>{explanation}</p>
      {app.submittedAt ? (
        <p class="note">
          Submitted {formatInstantInZone(app.submittedAt, props.timeZone)}
          {app.round > 1 ? ` · review round ${app.round}` : ''}.
        </p>
      ) : null}
      {app.decision ? (
        <p class="note">
          Decided {formatInstantInZone(app.decision.decidedAt, props.timeZone)}
          {app.decision.admittedOn ? `; member from ${formatDate(app.decision.admittedOn)}` : ''}.
        </p>
      ) : null}
    </section>
  )
}

function History(props: { app: ApplicationDetail; timeZone: string }) {
  return (
    <section class="form-section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol class="timeline">
        {props.app.events.map((event) => (
          <li>
            <time datetime={event.createdAt}>{formatInstantInZone(event.createdAt, props.timeZone)}</time>
            {applicantEventLabels[event.kind]}
            {event.actorName ? ` by ${event.actorName}` : ''}
            {event.round > 0 && event.kind !== 'created' ? ` (round ${event.round})` : ''}
            {event.comment ? <p class="comment">{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

function WithdrawForm(props: { app: ApplicationDetail }) {
  return (
    <section class="danger-zone" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Withdraw the application</h2>
      <p>
        {props.app.status === 'draft'
          ? 'If you no longer mean to apply, withdraw the draft. It cannot be submitted afterwards; you can always start a new one.'
          : 'Withdrawing stops the review. It cannot be undone; you can apply again later.'}
      </p>
      <ButtonForm action={`/applications/${props.app.id}/withdraw`} buttonClass="button secondary">
        Withdraw the application
      </ButtonForm>
    </section>
  )
}
