import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { listOutbox } from '#src/lib/mailer.ts'
import { OutboxPage, type OutboxScope } from './outbox.views.tsx'
import { entryFor, isRecipient } from './redact.ts'

const OUTBOX_LIMIT = 100
/** How many of the newest files are searched for a person's own emails. */
const OWN_SEARCH_LIMIT = 1000

/**
 * The emails written to the outbox folder when there is no SMTP server: all of them for staff,
 * each person's own on /account/outbox. A link is shown only to the recipient of its email
 * (it may sign whoever opens it in); the .eml files in the folder stay whole, for the operator.
 */
export function outboxRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const viewerEmail = (c: Context<AppEnv>) => {
    const viewer = c.get('viewer')
    return viewer.kind === 'user' ? viewer.email : undefined
  }

  const render = async (c: Context<AppEnv>, scope: OutboxScope) => {
    const email = viewerEmail(c)
    const written =
      deps.mailer.kind === 'smtp'
        ? []
        : scope === 'staff'
          ? await listOutbox(deps.outboxDir, OUTBOX_LIMIT)
          : (await listOutbox(deps.outboxDir, OWN_SEARCH_LIMIT))
              .filter((entry) => isRecipient(entry, email))
              .slice(0, OUTBOX_LIMIT)
    // The recipient's own emails hold sign-in links: never kept by a cache.
    const emails = written.map((entry) => entryFor(entry, email))
    return renderPage(
      c,
      <OutboxPage scope={scope} kind={deps.mailer.kind} emails={emails} limit={OUTBOX_LIMIT} />,
    )
  }

  app.get('/staff/outbox', requirePermission('outbox:read'), (c) => render(c, 'staff'))
  app.get('/account/outbox', requirePermission('account:self'), (c) => render(c, 'own'))

  return app
}
