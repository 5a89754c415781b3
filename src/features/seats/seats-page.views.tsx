import type { SeatRole } from '#src/db/schema/index.ts'
import { isAdmittedState } from '#src/features/admission/index.ts'
import { CsrfInput, ErrorSummary, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { HandoverFormCard } from './hand-over-seat.views.tsx'
import type { OrganizationRef } from './organization-ref.ts'
import type { HandoverErrors, HandoverForm } from './seat-forms.ts'
import type { SeatHolding } from './seat-history.ts'
import { SeatHistoryTable } from './seat-history.views.tsx'
import type { SeatPerson } from './seat-holders.ts'
import { type AdmissionToday, DateField, IncompleteBadge, stateSentence } from './seat-parts.tsx'

function Holder(props: { person: SeatPerson | null }) {
  if (!props.person) return <strong>Vacant</strong>
  return (
    <>
      {props.person.fullName} <span class="note">({props.person.email})</span>
    </>
  )
}

export type SeatsPageProps = {
  org: OrganizationRef
  today: string
  admission: AdmissionToday
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
        <Flashes flash={props.flash} />
        {props.flash ? null : (
          <ErrorSummary errors={{ ...handover.errors, swap: swap.error }} nothing="changed" />
        )}

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
        <SeatHistoryTable history={props.history} today={props.today} />
      </div>
    </Layout>
  )
}
