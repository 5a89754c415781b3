import { raw } from 'hono/html'
import { renderMarkdown } from '#src/lib/markdown.ts'
import { ButtonForm, Flash } from '#src/ui/form-parts.tsx'
import { formatInstantInZone, formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { AnnouncementRecord } from './past-announcements.ts'
import { audienceName } from './past-announcements.view.tsx'

export type AnnouncementNotice = 'sent' | 'stopped' | 'again'

const notices: Record<AnnouncementNotice, (a: AnnouncementRecord) => string> = {
  sent: (a) => `Sent. It reached ${formatNumber(a.reached)} of ${formatNumber(a.addressed)} people.`,
  stopped: (a) =>
    `The mail server refused an email, so sending stopped. ${formatNumber(a.reached)} of ${formatNumber(a.addressed)} people received it; the list below says who. Send to the others once the mail server works again.`,
  again: () => 'This announcement had already been sent: it was not sent a second time.',
}

/** One announcement as sent: the message, and everyone it was addressed to, reached or not. */
export function AnnouncementPage(props: {
  announcement: AnnouncementRecord
  timeZone: string
  notice?: AnnouncementNotice
}) {
  const a = props.announcement
  const waiting = a.recipients.filter((r) => r.email === '' && r.hasAddressNow).length
  return (
    <Layout title={`Announcement: ${a.subject}`}>
      <div class="wrap">
        <StaffNav current="announcements" />
        <p>
          <a href="/staff/announcements">← Announcements</a>
        </p>
        <h1>{a.subject}</h1>
        {props.notice ? <Flash isError={props.notice === 'stopped'}>{notices[props.notice](a)}</Flash> : null}
        <div class="form-section">
          <dl class="facts">
            <dt>To</dt>
            <dd>{audienceName(a.audience)}</dd>
            <dt>Sent</dt>
            <dd>
              {formatInstantInZone(a.sentAt, props.timeZone)}
              {a.sentByName ? ` by ${a.sentByName}` : ''}
            </dd>
            <dt>Received by</dt>
            <dd>
              {formatNumber(a.reached)} of {formatNumber(a.addressed)}{' '}
              {plural(a.addressed, 'person', 'people')}
            </dd>
          </dl>
        </div>
        {waiting > 0 ? (
          <ButtonForm action={`/staff/announcements/${a.id}/resend`} formClass="actions-row form-section">
            Send to the {formatNumber(waiting)} not reached who have an email address
          </ButtonForm>
        ) : null}
        <section class="card announcement-preview form-section" aria-labelledby="message-heading">
          <h2 id="message-heading">The message</h2>
          <div class="page-body">{raw(renderMarkdown(a.body))}</div>
        </section>
        <h2 id="recipients-heading">Recipients</h2>
        <section class="table-wrap" aria-labelledby="recipients-heading" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {a.recipients.map((r) => (
                <tr>
                  <td>{r.fullName}</td>
                  <td>
                    {r.email !== '' ? (
                      `Yes, at ${r.email}`
                    ) : (
                      <span class="badge fictional">
                        {r.hasAddressNow ? 'Not reached: not sent' : 'Not reached: no email address'}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Layout>
  )
}
