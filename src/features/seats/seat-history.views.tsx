import { formatDate } from '#src/ui/format.ts'
import { lastDayHeld, type SeatHolding } from './seat-history.ts'
import { seatLabels } from './seat-holders.ts'

/** Every holding of the organisation's seats, newest first, with its first and last day. */
export function SeatHistoryTable(props: { history: SeatHolding[]; today: string }) {
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
