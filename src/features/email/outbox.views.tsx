import { BreakableText } from '#src/features/audit/breakable-text.tsx'
import { formatInstantUtc, isoInstant } from '#src/features/audit/format.ts'
import { StaffNav } from '#src/features/audit/staff-nav.tsx'
import { Layout } from '#src/ui/layout.tsx'
import type { OutboxEntry } from './mailer.ts'

function Email(props: { email: OutboxEntry }) {
  const { email } = props
  return (
    <li>
      <h3>{email.subject || '(no subject)'}</h3>
      <dl class="meta">
        <div>
          <dt>Written:</dt>{' '}
          <dd>
            {email.sentAt ? (
              <time datetime={isoInstant(email.sentAt)}>{formatInstantUtc(email.sentAt)}</time>
            ) : (
              email.date || 'unknown'
            )}
          </dd>
        </div>
        <div>
          <dt>To:</dt> <dd>{email.to}</dd>
        </div>
      </dl>
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

export function OutboxPage(props: { kind: 'smtp' | 'outbox'; emails: OutboxEntry[]; limit: number }) {
  const n = props.emails.length
  return (
    <Layout title="Email outbox">
      <div class="wrap">
        <StaffNav current="outbox" />
        <h1>Email outbox</h1>
        {props.kind === 'smtp' ? (
          <p class="lede">
            The Hub sends its emails through an SMTP server, so there is no outbox to show: look in the mail
            server's records instead.
          </p>
        ) : (
          <>
            <p class="lede">
              No SMTP server is set up, so the Hub writes each email it would send (invitations, sign-in
              links, password resets) to a file here instead of sending it.
            </p>
            <p class="results-count" role="status">
              {n === 0
                ? 'No email has been written yet.'
                : n >= props.limit
                  ? `The newest ${n} emails, newest first.`
                  : `${n} ${n === 1 ? 'email' : 'emails'}, newest first.`}
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
