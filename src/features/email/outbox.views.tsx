import { BreakableText } from '#src/ui/breakable-text.tsx'
import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import type { ShownEntry } from './redact.ts'

/** The staff's outbox (every email, links hidden in others' mail) or a person's own emails. */
export type OutboxScope = 'staff' | 'own'

function Email(props: { email: ShownEntry }) {
  const { email } = props
  return (
    <li>
      <h2>{email.subject || '(no subject)'}</h2>
      <dl class="meta">
        <div>
          <dt>Written:</dt> <dd>{email.sentAt ? <TimeAt at={email.sentAt} /> : email.date || 'unknown'}</dd>
        </div>
        <div>
          <dt>To:</dt> <dd>{email.to}</dd>
        </div>
      </dl>
      {email.isRedacted ? (
        <p class="note">Its links are hidden: this email was sent to someone else.</p>
      ) : null}
      <details>
        <summary>The email’s text</summary>
        {/* Shown as text: links in it are not made clickable (they may sign whoever opens them in). */}
        <p>
          <BreakableText text={email.text} lines />
        </p>
      </details>
    </li>
  )
}

const lede = {
  staff: () => (
    <>
      <p class="lede">
        No SMTP server is set up, so the Hub writes each email it would send (invitations, sign-in links,
        password resets) to a file here instead of sending it.
      </p>
      <p>
        Links are hidden in the emails sent to others: they may sign whoever opens them in. Each person sees
        their own emails whole, signed in, on <a href="/account/outbox">their emails page</a>.
      </p>
    </>
  ),
  own: () => (
    <p class="lede">
      No SMTP server is set up, so the Hub keeps the emails it would send you (invitations, sign-in links,
      password resets) here instead of sending them. Only you see their links.
    </p>
  ),
}

export function OutboxPage(props: {
  scope: OutboxScope
  kind: 'smtp' | 'outbox'
  emails: ShownEntry[]
  limit: number
}) {
  const n = props.emails.length
  const title = props.scope === 'staff' ? 'Email outbox' : 'Your emails'
  return (
    <Layout title={title}>
      <div class="wrap">
        {props.scope === 'staff' ? <StaffNav current="outbox" /> : null}
        <h1>{title}</h1>
        {props.kind === 'smtp' ? (
          <p class="lede">
            The Hub sends its emails through an SMTP server, so there is no outbox to show:{' '}
            {props.scope === 'staff' ? 'look in the mail server’s records instead.' : 'look in your mailbox.'}
          </p>
        ) : (
          <>
            {lede[props.scope]()}
            <p class="results-count" role="status">
              {n === 0
                ? props.scope === 'staff'
                  ? 'No email has been written yet.'
                  : 'No email has been written to you yet.'
                : n >= props.limit
                  ? `The newest ${n} emails, newest first.`
                  : `${n} ${plural(n, 'email')}, newest first.`}
            </p>
            {n > 0 ? (
              <ol class="org-list" aria-label="Emails">
                {props.emails.map((email) => (
                  <Email email={email} />
                ))}
              </ol>
            ) : null}
          </>
        )}
      </div>
    </Layout>
  )
}
