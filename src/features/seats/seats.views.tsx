import { type AdmissionEventKind, type SeatRole, seatRoles } from '#src/db/schema/index.ts'
import { isAdmittedState } from '#src/features/admission/index.ts'
import { CsrfInput, Field, Flash } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { formatInstantUtc, isoInstant } from '#src/ui/format-instant.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  type AdmissionHistoryEntry,
  incompleteLabel,
  type StatusAction,
  statusActions,
} from './organization-status.ts'
import {
  type HandoverErrors,
  type HandoverForm,
  lastDayHeld,
  type OrganizationRef,
  type SeatHolding,
  type SeatPerson,
  seatLabels,
} from './seats.ts'

/** The badge of an admitted organisation with a vacant seat: 'Incomplete: no representative'. */
export function IncompleteBadge(props: { vacant: readonly SeatRole[] }) {
  if (props.vacant.length === 0) return null
  return <span class="badge incomplete">{incompleteLabel(props.vacant)}</span>
}

export type FlashMessage = { text: string; isError?: boolean }

const stateLabels: Record<AdmissionEventKind, string> = {
  applied: 'Applied',
  admitted: 'Admitted',
  suspended: 'Suspended',
  reinstated: 'Reinstated',
  withdrawn: 'Withdrawn',
}

/** One sentence on where the organisation stands today. */
function stateSentence(state: AdmissionEventKind | null, since: string | null): string {
  const on = since ? formatDate(since) : ''
  switch (state) {
    case 'admitted':
      return `Admitted on ${on}: listed in the directory.`
    case 'reinstated':
      return `Reinstated on ${on}: listed in the directory.`
    case 'suspended':
      return `Suspended since ${on}: not listed in the directory.`
    case 'withdrawn':
      return `Withdrew on ${on}: not listed in the directory.`
    case 'applied':
      return `Applied on ${on}, not admitted yet.`
    default:
      return 'No admission on record.'
  }
}

function DateField(props: {
  id: string
  label: string
  value: string
  hint: string
  error?: string
  max?: string
}) {
  const hintId = `${props.id}-hint`
  const errorId = `${props.id}-error`
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name="effectiveOn"
        type="date"
        value={props.value}
        max={props.max}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${errorId} ${hintId}` : hintId}
      />
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
    </div>
  )
}

function SelectField(props: {
  id: string
  name: string
  label: string
  value: string
  placeholder: string
  options: { value: string; label: string }[]
  error?: string
  hint?: string
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  const errorId = props.error ? `${props.id}-error` : undefined
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      >
        <option value="" selected={!props.options.some((o) => o.value === props.value)}>
          {props.placeholder}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

function Holder(props: { person: SeatPerson | null }) {
  if (!props.person) return <strong>Vacant</strong>
  return (
    <>
      {props.person.fullName} <span class="note">({props.person.email})</span>
    </>
  )
}

function HistoryTable(props: { history: SeatHolding[]; today: string }) {
  if (props.history.length === 0) return <p>Nobody has held a seat of this organisation yet.</p>
  return (
    // Focusable, so that a table wider than a phone can be scrolled from the keyboard.
    <section class="table-wrap" aria-labelledby="history-heading" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Seat</th>
            <th scope="col">First day</th>
            <th scope="col">Last day</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => {
            const last = lastDayHeld(h)
            return (
              <tr>
                <td>
                  {h.person.fullName}
                  <br />
                  <span class="note">{h.person.email}</span>
                </td>
                <td>{seatLabels[h.role]}</td>
                <td>
                  <time datetime={h.startsOn}>{formatDate(h.startsOn)}</time>
                  {h.startsOn > props.today ? <span class="note"> (to come)</span> : null}
                </td>
                <td>
                  {last ? (
                    <time datetime={last}>{formatDate(last)}</time>
                  ) : (
                    <span class="note">Still holds it</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

export type SeatsPageProps = {
  org: OrganizationRef
  today: string
  admission: { state: AdmissionEventKind | null; since: string | null }
  holders: Record<SeatRole, SeatPerson | null>
  /** Vacant seats of an admitted organisation (empty when complete or not admitted). */
  incomplete: SeatRole[]
  history: SeatHolding[]
  handover: { values: HandoverForm; errors: HandoverErrors }
  swap: { values: { effectiveOn: string }; error?: string }
  flash?: FlashMessage
  isStaff: boolean
}

/** An organisation's seats: who holds them today, their history, and the forms to change them. */
export function SeatsPage(props: SeatsPageProps) {
  const { org, handover, swap } = props
  const listed = isAdmittedState(props.admission.state)
  const bothHeld = props.holders.representative !== null && props.holders.alternate !== null
  const problems = Object.values(handover.errors).filter(Boolean).length + (swap.error ? 1 : 0)
  return (
    <Layout title={`Seats of ${org.name}`}>
      <div class="wrap">
        <p>
          {listed ? <a href={`/organizations/${org.slug}`}>← Public profile</a> : null}
          {props.isStaff ? (
            <>
              {listed ? ' · ' : null}
              <a href={`/staff/organizations/${org.slug}/status`}>Admission status</a>
            </>
          ) : null}
        </p>
        <div class="profile-head">
          <h1>Seats of {org.name}</h1>
          <IncompleteBadge vacant={props.incomplete} />
        </div>
        <p class="lede">
          The representative speaks for the organisation in the network; the alternate stands in for them.
          Every change is kept in the history below with its dates.
        </p>
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}
        {problems > 0 && !props.flash ? (
          <Flash isError>
            {problems === 1
              ? 'Nothing was changed: correct the field marked below.'
              : `Nothing was changed: correct the ${problems} fields marked below.`}
          </Flash>
        ) : null}

        <h2 id="today-heading">Today, {formatDate(props.today)}</h2>
        <dl class="facts" aria-labelledby="today-heading">
          <dt>Representative</dt>
          <dd>
            <Holder person={props.holders.representative} />
          </dd>
          <dt>Alternate</dt>
          <dd>
            <Holder person={props.holders.alternate} />
          </dd>
          <dt>Membership</dt>
          <dd>{stateSentence(props.admission.state, props.admission.since)}</dd>
        </dl>
        {props.incomplete.length > 0 ? (
          <p class="note">
            Until both seats are filled, the organisation shows as incomplete. Hand the vacant seat to someone
            below: they get an email invitation to the Hub.
          </p>
        ) : null}

        <div class="grid-2">
          <section aria-labelledby="handover-heading">
            <h2 id="handover-heading">Hand over a seat</h2>
            <HandoverFormCard org={org} values={handover.values} errors={handover.errors} />
          </section>
          <section aria-labelledby="swap-heading">
            <h2 id="swap-heading">Swap the representative and the alternate</h2>
            {bothHeld ? (
              <form
                method="post"
                action={`/organizations/${org.slug}/seats/swap`}
                class="form-card"
                novalidate
              >
                <CsrfInput />
                <p>
                  {props.holders.representative?.fullName} becomes the alternate and{' '}
                  {props.holders.alternate?.fullName} the representative.
                </p>
                <DateField
                  id="swap-effectiveOn"
                  label="From"
                  value={swap.values.effectiveOn}
                  error={swap.error}
                  hint="The first day of the new roles: today or later."
                />
                <button type="submit" class="button">
                  Swap the seats
                </button>
              </form>
            ) : (
              <p>Both seats must be held to swap them.</p>
            )}
          </section>
        </div>

        <h2 id="history-heading">History</h2>
        <HistoryTable history={props.history} today={props.today} />
      </div>
    </Layout>
  )
}

function HandoverFormCard(props: { org: OrganizationRef; values: HandoverForm; errors: HandoverErrors }) {
  const { values, errors } = props
  return (
    <form
      method="post"
      action={`/organizations/${props.org.slug}/seats/handover`}
      class="form-card"
      novalidate
    >
      <CsrfInput />
      <SelectField
        id="handover-role"
        name="role"
        label="Seat"
        value={values.role}
        error={errors.role}
        placeholder="Choose the seat"
        options={seatRoles.map((role) => ({ value: role, label: seatLabels[role] }))}
      />
      <Field
        id="handover-email"
        name="email"
        label="Email address of the new holder"
        type="email"
        autocomplete="off"
        value={values.email}
        error={errors.email}
        hint="Someone already on record keeps their name and details."
      />
      <Field
        id="handover-fullName"
        name="fullName"
        label="Full name of the new holder"
        autocomplete="off"
        value={values.fullName}
        error={errors.fullName}
        required={false}
        hint="Needed only for someone new to the Hub, who gets an email invitation to choose a password."
      />
      <DateField
        id="handover-effectiveOn"
        label="From"
        value={values.effectiveOn}
        error={errors.effectiveOn}
        hint="The first day the new holder holds the seat; the current holder keeps it until the day before."
      />
      <button type="submit" class="button">
        Hand over the seat
      </button>
    </form>
  )
}

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

export type StatusForm = { action: string; reason: string; effectiveOn: string }
export type StatusErrors = Partial<Record<'action' | 'reason' | 'effectiveOn', string>>

export type StatusPageProps = {
  org: OrganizationRef
  today: string
  admission: { state: AdmissionEventKind | null; since: string | null }
  allowed: StatusAction[]
  history: AdmissionHistoryEntry[]
  incomplete: SeatRole[]
  form: { values: StatusForm; errors: StatusErrors }
  flash?: FlashMessage
}

/** Staff only: an organisation's admission history, and the forms to suspend, reinstate or withdraw it. */
export function StatusPage(props: StatusPageProps) {
  const { org, form } = props
  const { values, errors } = form
  const state = props.admission.state
  const hasErrors = Object.values(errors).some(Boolean)
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
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}
        {hasErrors && !props.flash ? (
          <Flash isError>
            {props.allowed.length === 0
              ? `Nothing was recorded. ${Object.values(errors).filter(Boolean).join(' ')}`
              : Object.values(errors).filter(Boolean).length === 1
                ? 'Nothing was recorded: correct the field marked below.'
                : `Nothing was recorded: correct the ${Object.values(errors).filter(Boolean).length} fields marked below.`}
          </Flash>
        ) : null}

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
            <SelectField
              id="status-action"
              name="action"
              label="Change"
              value={values.action}
              error={errors.action}
              placeholder="Choose the change"
              options={statusActions
                .filter((action) => props.allowed.includes(action))
                .map((action) => ({ value: action, label: actionLabels[action].label }))}
              hint={statusActions
                .filter((action) => props.allowed.includes(action))
                .map((action) => `${actionLabels[action].label}: ${actionLabels[action].hint}`)
                .join(' ')}
            />
            <div class="field">
              <label for="status-reason">Reason</label>
              <textarea
                id="status-reason"
                name="reason"
                rows={4}
                required
                aria-invalid={errors.reason ? 'true' : undefined}
                aria-describedby={
                  errors.reason ? 'status-reason-error status-reason-hint' : 'status-reason-hint'
                }
              >
                {values.reason}
              </textarea>
              {errors.reason ? (
                <p class="error" id="status-reason-error">
                  {errors.reason}
                </p>
              ) : null}
              <p class="hint" id="status-reason-hint">
                Kept in the history with the date and your name. Up to 2,000 characters.
              </p>
            </div>
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
        {props.history.length === 0 ? (
          <p>No admission event is on record.</p>
        ) : (
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
                      <time datetime={isoInstant(e.recordedAt)}>{formatInstantUtc(e.recordedAt)}</time>
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
        )}
      </div>
    </Layout>
  )
}

/** The answer to a seat change after which the person who made it no longer manages the seats. */
export function SeatChangeDonePage(props: { org: OrganizationRef; message: string; isListed: boolean }) {
  return (
    <Layout title={`Seats of ${props.org.name}`}>
      <div class="wrap">
        <h1>Seats of {props.org.name}</h1>
        <Flash>{props.message}</Flash>
        <p class="lede">
          You no longer hold the representative seat, so the seats of {props.org.name} are now managed by its
          new representative and by staff.
        </p>
        <p>
          {props.isListed ? (
            <>
              <a href={`/organizations/${props.org.slug}`}>Public profile of {props.org.name}</a> ·{' '}
            </>
          ) : null}
          <a href="/account">Your account</a>
        </p>
      </div>
    </Layout>
  )
}
