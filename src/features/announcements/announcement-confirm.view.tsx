import { raw } from 'hono/html'
import { renderMarkdown } from '#src/lib/markdown.ts'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { type Audience, audienceLabels, hasAddress, type Recipient } from './audiences.ts'

export type ConfirmPageProps = {
  subject: string
  body: string
  audience: Audience
  recipients: Recipient[]
  announcementId: string
  fingerprint: string
  /** Why the page is shown again (the audience changed since it was checked). */
  warning?: string
}

const people = (n: number) => `${formatNumber(n)} ${plural(n, 'person', 'people')}`

/** The confirm step: the message as it will look, and every recipient, before anything is sent. */
export function ConfirmPage(props: ConfirmPageProps) {
  const withEmail = props.recipients.filter((r) => hasAddress(r.email))
  const without = props.recipients.length - withEmail.length
  return (
    <Layout title="Check and send the announcement">
      <div class="wrap">
        <StaffNav current="announcements" />
        <h1>Check and send the announcement</h1>
        {props.warning ? <Flash isError>{props.warning}</Flash> : null}
        <p class="lede">
          To <strong>{audienceLabels[props.audience]}</strong>: {people(props.recipients.length)} today.{' '}
          {people(withEmail.length)} will get it by email
          {without > 0 ? `; ${people(without)} with no email address will not be reached` : ''}. Nothing is
          sent until you press “Send”.
        </p>
        <div class="form-section">
          <form method="post" action="/staff/announcements" class="actions-row announcement-send">
            <CsrfInput />
            <input type="hidden" name="subject" value={props.subject} />
            <input type="hidden" name="body" value={props.body} />
            <input type="hidden" name="audience" value={props.audience} />
            <input type="hidden" name="announcementId" value={props.announcementId} />
            <input type="hidden" name="fingerprint" value={props.fingerprint} />
            <button type="submit" class="button">
              Send to {people(withEmail.length)}
            </button>
            <button type="submit" class="button secondary" formaction="/staff/announcements/edit">
              Change the announcement
            </button>
          </form>
        </div>
        <section class="card announcement-preview form-section" aria-labelledby="preview-heading">
          <h2 id="preview-heading">The email</h2>
          <p>
            <strong>Subject:</strong> {props.subject}
          </p>
          <div class="page-body">{raw(renderMarkdown(props.body))}</div>
        </section>
        <h2 id="recipients-heading">Recipients ({formatNumber(props.recipients.length)})</h2>
        <section class="table-wrap" aria-labelledby="recipients-heading" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {props.recipients.map((r) => (
                <tr>
                  <td>{r.fullName}</td>
                  <td>
                    {hasAddress(r.email) ? (
                      r.email
                    ) : (
                      <span class="badge fictional">No email address: not reached</span>
                    )}
                  </td>
                  <td>{r.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Layout>
  )
}
