import { Hono } from 'hono'
import { requirePermission } from '#src/features/access/middleware.ts'
import type { AppDeps, AppEnv } from '#src/features/site/deps.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { listOutbox } from './mailer.ts'
import { OutboxPage } from './outbox.views.tsx'

const OUTBOX_LIMIT = 100

/** The staff page that shows the emails written to the outbox folder when there is no SMTP server. */
export function outboxRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/staff/outbox', requirePermission('outbox:read'), async (c) => {
    const emails = deps.mailer.kind === 'smtp' ? [] : await listOutbox(deps.outboxDir, OUTBOX_LIMIT)
    // The emails hold sign-in links: never kept by a cache.
    c.header('Cache-Control', 'private, no-store')
    return c.html(
      await renderDocument(<OutboxPage kind={deps.mailer.kind} emails={emails} limit={OUTBOX_LIMIT} />),
    )
  })

  return app
}
