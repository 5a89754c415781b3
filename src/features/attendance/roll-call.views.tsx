import { CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate, formatTimeInZone, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { RollCall, RollCallOrganization, RollCallSeat } from './roll-call.ts'

const roleWords = { representative: 'representative', alternate: 'alternate' } as const
const roleHeadings = { representative: 'Representative', alternate: 'Alternate' } as const

export type RollCallPageProps = {
  rollCall: RollCall
  flash?: FlashMessage
}

function SaveButton() {
  return (
    <button type="submit" class="button">
      Save the roll call
    </button>
  )
}

function SeatCell(props: { org: RollCallOrganization; seat: RollCallSeat }) {
  const { org, seat } = props
  const role = roleWords[seat.role]
  if (!seat.person)
    return (
      <div class="roll-seat vacant">
        <span class="roll-role" aria-hidden="true">
          {roleHeadings[seat.role]}
        </span>
        <span class="note">
          Vacant<span class="visually-hidden"> {role} seat</span>
        </span>
      </div>
    )
  const id = `present-${seat.person.id}`
  return (
    <div class="roll-seat">
      <span class="roll-role" aria-hidden="true">
        {roleHeadings[seat.role]}
      </span>
      <span class="roll-tick">
        <input
          type="checkbox"
          id={id}
          name="present"
          value={seat.person.id}
          checked={seat.isTicked}
          aria-describedby={seat.otherRecords ? `${id}-records` : undefined}
        />
        {/* The whole name in one hidden run: browsers put spaces around a hidden part of a label. */}
        <label for={id}>
          <span aria-hidden="true">{seat.person.fullName}</span>
          <span class="visually-hidden">{`${seat.person.fullName}, ${role} of ${org.name}`}</span>
        </label>
      </span>
      {seat.otherRecords ? (
        <span class="note roll-records" id={`${id}-records`}>
          {seat.otherRecords}
        </span>
      ) : null}
    </div>
  )
}

function OrganizationStatus(props: { org: RollCallOrganization; minimumMinutes: number }) {
  const { org } = props
  if (org.counts) return <span class="badge roll-counts">Counts</span>
  const seen = org.seats.some((s) => s.seconds > 0)
  return <span class="note">{seen ? `Below ${props.minimumMinutes} min` : 'Not present'}</span>
}

/** Staff take the roll call of a call: every admitted organisation's two seats, a box each. */
export function RollCallPage(props: RollCallPageProps) {
  const { rollCall } = props
  const { call } = rollCall
  const date = formatDate(call.localDate)
  const total = rollCall.organizations.length
  return (
    <Layout title={`Roll call of ${date}`}>
      <div class="wrap roll-call-page">
        <p>
          <a href={`/calls/${call.localDate}`}>← The call of {date}</a> ·{' '}
          <a href={`/staff/calls/${call.localDate}/attendance`}>Import a Zoom, Teams or Meet report</a>
        </p>
        <h1>Roll call of {date}</h1>
        <p class="lede">
          The national call at {formatTimeInZone(call.startsAt, call.timeZone)}, {call.durationMinutes}{' '}
          minutes. Tick each seat holder who was there: a tick records them present for the whole call. What
          imported reports say is shown beside the name and is not changed here.
        </p>
        <Flashes flash={props.flash} />
        <p class="roll-count">
          <strong>
            {total === 0 ? '0 of 0' : `${rollCall.counting} of ${total}`} {plural(total, 'organisation')}{' '}
            present
          </strong>{' '}
          (counting): a representative or alternate holding the seat that day was there for at least{' '}
          {rollCall.minimumMinutes} minutes, by the roll call or a report.
        </p>
        {total === 0 ? (
          <p>No organisation was admitted on {date}: there is nobody to call.</p>
        ) : (
          <form method="post" action={`/staff/calls/${call.localDate}/roll-call`} class="roll-call-form">
            <CsrfInput />
            <div class="roll-actions">
              <SaveButton />
              <span class="note">Tab moves to the next person, Space ticks or unticks.</span>
            </div>
            <div class="roll-list">
              <div class="roll-row roll-head" aria-hidden="true">
                <span>Organisation</span>
                <span>Representative</span>
                <span>Alternate</span>
                <span>Status</span>
              </div>
              {rollCall.organizations.map((org) => (
                <fieldset class="roll-row" aria-labelledby={`org-${org.id}`}>
                  <span class="roll-org" id={`org-${org.id}`}>
                    {org.name}
                  </span>
                  <SeatCell org={org} seat={org.seats[0]} />
                  <SeatCell org={org} seat={org.seats[1]} />
                  <span class="roll-status">
                    <OrganizationStatus org={org} minimumMinutes={rollCall.minimumMinutes} />
                  </span>
                </fieldset>
              ))}
            </div>
            <div class="roll-actions">
              <SaveButton />
            </div>
          </form>
        )}
      </div>
    </Layout>
  )
}
