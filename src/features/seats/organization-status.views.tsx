import type { SeatRole } from '#src/db/schema/index.ts'
import { isAdmittedState } from '#src/features/admission/index.ts'
import { Select, TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Flash, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import type { AdmissionHistoryEntry } from './admission-history.ts'
import type { OrganizationRef } from './organization-ref.ts'
import { type StatusAction, statusActions } from './organization-status.ts'
import type { StatusErrors, StatusForm } from './seat-forms.ts'
import { type AdmissionToday, DateField, IncompleteBadge, stateLabels, stateSentence } from './seat-parts.tsx'

const actionLabels: Record<StatusAction, { label: string; hint: string }> = {
  suspend: {
    label: 'Suspend',
    hint: 'The organisation leaves the directory until it is reinstated; its seats stay as they are.',
  },
  reinstate: { label: 'Reinstate', hint: 'The organisation is listed again, with its seats as they are.' },
  withdraw: {
    label: 'Withdraw',
    hint: 'Final: the organisation leaves the directory and its seats end on that date. It can come back only through a new application.',
  },
}

export type StatusPageProps = {
  org: OrganizationRef
  today: string
  admission: AdmissionToday
  allowed: StatusAction[]
  history: AdmissionHistoryEntry[]
  incomplete: SeatRole[]
  form: { values: StatusForm; errors: StatusErrors }
  flash?: FlashMessage
}

/** Above the form sent back: what to correct (or, when no change is open, why nothing was recorded). */
function StatusErrorSummary(props: { errors: StatusErrors; allowed: StatusAction[] }) {
  const messages = Object.values(props.errors).filter(Boolean)
  if (messages.length === 0) return null
  return (
    <Flash isError>
      {props.allowed.length === 0
        ? `Nothing was recorded. ${messages.join(' ')}`
        : messages.length === 1
          ? 'Nothing was recorded: correct the field marked below.'
          : `Nothing was recorded: correct the ${messages.length} fields marked below.`}
    </Flash>
  )
}

/** Staff only: an organisation's admission history, and the forms to suspend, reinstate or withdraw it. */
export function StatusPage(props: StatusPageProps) {
  const { org, form } = props
  const { values, errors } = form
  const state = props.admission.state
  const allowed = statusActions.filter((action) => props.allowed.includes(action))
  return (
    <Layout title={`Admission status of ${org.name}`}>
      <div class="wrap">
        <p>
          <a href={`/organizations/${org.slug}/seats`}>← Seats</a>
        </p>
        <div class="profile-head">
          <h1>Admission status of {org.name}</h1>
          {state ? (
            <span class={isAdmittedState(state) ? 'badge' : 'badge fictional'}>{stateLabels[state]}</span>
          ) : null}
          <IncompleteBadge vacant={props.incomplete} />
        </div>
        <p class="lede">{stateSentence(state, props.admission.since)}</p>
        <Flashes flash={props.flash} />
        {props.flash ? null : <StatusErrorSummary errors={errors} allowed={props.allowed} />}

        <h2 id="change-heading">Change the status</h2>
        {props.allowed.length === 0 ? (
          <p>
            {state === 'withdrawn'
              ? 'The organisation has withdrawn, which is final: it can come back only through a new application and a new decision of the Advisory Board.'
              : 'The organisation has not been admitted: there is no status to change.'}
          </p>
        ) : (
          <form
            method="post"
            action={`/staff/organizations/${org.slug}/status`}
            class="form-card"
            novalidate
            aria-labelledby="change-heading"
          >
            <CsrfInput />
            <Select
              id="status-action"
              name="action"
              label="Change"
              value={values.action}
              error={errors.action}
              empty="Choose the change"
              required
              options={allowed.map((action) => ({ value: action, label: actionLabels[action].label }))}
              hint={allowed
                .map((action) => `${actionLabels[action].label}: ${actionLabels[action].hint}`)
                .join(' ')}
            />
            <TextArea
              id="status-reason"
              name="reason"
              label="Reason"
              rows={4}
              required
              value={values.reason}
              error={errors.reason}
              hint="Kept in the history with the date and your name. Up to 2,000 characters."
            />
            <DateField
              id="status-effectiveOn"
              label="From"
              value={values.effectiveOn}
              error={errors.effectiveOn}
              max={props.today}
              hint="The day the change takes effect: today or an earlier day, not before the latest entry below."
            />
            <button type="submit" class="button">
              Record the change
            </button>
          </form>
        )}

        <h2 id="status-history-heading">History</h2>
        <AdmissionHistoryTable history={props.history} />
      </div>
    </Layout>
  )
}

function AdmissionHistoryTable(props: { history: AdmissionHistoryEntry[] }) {
  if (props.history.length === 0) return <p>No admission event is on record.</p>
  return (
    <section class="table-wrap" aria-labelledby="status-history-heading" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Event</th>
            <th scope="col">Reason</th>
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((e) => (
            <tr>
              <td>
                <time datetime={e.effectiveOn}>{formatDate(e.effectiveOn)}</time>
              </td>
              <td>{stateLabels[e.kind]}</td>
              <td>{e.reason ?? <span class="note">No reason given</span>}</td>
              <td>
                <TimeAt at={e.recordedAt} />
                {e.recordedBy ? (
                  <>
                    <br />
                    <span class="note">by {e.recordedBy}</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
