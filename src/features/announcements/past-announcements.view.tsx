import { formatInstantInZone, formatNumber } from '#src/ui/format.ts'
import { audienceLabels, isAudience } from './audiences.ts'
import type { AnnouncementSummary } from './past-announcements.ts'

/** The audience of a stored announcement, in words. */
export const audienceName = (audience: string): string =>
  isAudience(audience) ? audienceLabels[audience] : audience

/** The announcements sent before: subject, audience, when, by whom, and how many they reached. */
export function PastAnnouncements(props: { past: AnnouncementSummary[]; timeZone: string }) {
  return (
    <>
      <h2 id="past-heading">Sent announcements</h2>
      {props.past.length === 0 ? (
        <p>No announcement has been sent yet.</p>
      ) : (
        // Focusable, so that a table wider than a phone can be scrolled from the keyboard.
        <section class="table-wrap" aria-labelledby="past-heading" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">Sent</th>
                <th scope="col">By</th>
                <th scope="col" class="num">
                  Received
                </th>
              </tr>
            </thead>
            <tbody>
              {props.past.map((a) => (
                <tr>
                  <td>
                    <a href={`/staff/announcements/${a.id}`}>{a.subject}</a>
                  </td>
                  <td>{audienceName(a.audience)}</td>
                  <td>{formatInstantInZone(a.sentAt, props.timeZone)}</td>
                  <td>{a.sentByName ?? '—'}</td>
                  <td class="num">
                    {formatNumber(a.reached)} of {formatNumber(a.addressed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  )
}
