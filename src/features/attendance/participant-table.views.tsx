import { seatLabels } from '#src/features/seats/index.ts'
import { formatClock, formatDate } from '#src/ui/format.ts'
import { formatPresence, matchLabels } from './import-parts.tsx'
import type { ImportCall, ImportRow } from './import-types.ts'

function SeatCell(props: { row: ImportRow }) {
  if (props.row.seats.length === 0) return <span class="note">None</span>
  return (
    <>
      {props.row.seats.map((seat, i) => (
        <>
          {i > 0 ? <br /> : null}
          {seatLabels[seat.role]}, {seat.organizationName}
        </>
      ))}
    </>
  )
}

/** An email that may break after its @ in a narrow column. */
function Email(props: { email: string }) {
  const at = props.email.lastIndexOf('@')
  if (at < 0) return <>{props.email}</>
  return (
    <>
      {props.email.slice(0, at + 1)}
      <wbr />
      {props.email.slice(at + 1)}
    </>
  )
}

/** Every participant of an import: the unmatched first, then who they matched and whether they count. */
export function ParticipantTable(props: {
  call: ImportCall
  rows: ImportRow[]
  countsLabel: string
  /** Where a matched participant's match is changed (…/participants/:position); none when it can't be. */
  changeBase?: string
}) {
  const tz = props.call.timeZone
  const ordered = [
    ...props.rows.filter((r) => r.match === null),
    ...props.rows.filter((r) => r.match !== null),
  ]
  return (
    <section class="table-wrap" aria-labelledby="participants-heading" tabindex={0}>
      <table class="participants">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Email</th>
            <th scope="col" class="num">
              Time present
            </th>
            <th scope="col">Matched to</th>
            <th scope="col">How</th>
            <th scope="col">Seat on {formatDate(props.call.localDate)}</th>
            <th scope="col">{props.countsLabel}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr id={`row-${row.position}`} class={row.match === null ? 'row-unmatched' : undefined}>
              <td>
                {row.name}
                {row.rawName !== row.name ? (
                  <>
                    <br />
                    <span class="note">{row.rawName}</span>
                  </>
                ) : null}
              </td>
              <td class="email-cell">
                {row.email ? <Email email={row.email} /> : <span class="note">None</span>}
              </td>
              <td class="num">
                {formatPresence(row.seconds)}
                {row.firstJoin && row.lastLeave ? (
                  <>
                    <br />
                    <span class="note">
                      {formatClock(row.firstJoin, tz)}–{formatClock(row.lastLeave, tz)}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {row.personName ?? (row.match === 'guest' ? 'Guest' : <span class="note">Nobody yet</span>)}
                {row.match !== null && props.changeBase ? (
                  <>
                    <br />
                    <a href={`${props.changeBase}/${row.position}`} aria-label={`Change who ${row.name} is`}>
                      Change
                    </a>
                  </>
                ) : null}
              </td>
              <td>{row.match ? matchLabels[row.match] : <span class="note">Needs a decision</span>}</td>
              <td>
                <SeatCell row={row} />
              </td>
              <td>
                {row.counts ? (
                  <strong class="counts-yes">Yes</strong>
                ) : (
                  <>
                    <span class="counts-no">No</span>
                    {row.reason ? <span class="note">: {row.reason}</span> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
