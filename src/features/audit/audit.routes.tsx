import { Hono } from 'hono'
import { requireScope } from '#src/features/access/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { auditedTables, auditQueryString, listAuditEntries, parseAuditQuery } from './audit.ts'
import { AuditPage } from './audit.views.tsx'

/**
 * The audit log, read-only: the staff page and its JSON twin. Nothing here writes to
 * the log (database triggers do, and refuse any change to it).
 */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/staff/audit', requirePermission('audit:read'), async (c) => {
    const query = parseAuditQuery(c.req.query())
    const hasErrors = Object.keys(query.errors).length > 0
    const [tables, page] = await Promise.all([
      auditedTables(db),
      hasErrors ? undefined : listAuditEntries(db, { ...query, timeZone: deps.clock.timeZone }),
    ])
    return renderPage(c, <AuditPage query={query} tables={tables} page={page} />, {
      status: hasErrors ? 400 : 200,
    })
  })

  // Staff sessions, or API tokens with the audit:read scope.
  app.get('/api/v1/audit', requirePermission('audit:read-api'), requireScope('audit:read'), async (c) => {
    const query = parseAuditQuery(c.req.query())
    const [field, message] = Object.entries(query.errors)[0] ?? []
    c.header('Cache-Control', 'private, no-store')
    if (field && message)
      return c.json({ error: { code: 'BAD_INPUT', message: `${field}: ${message}`, field } }, 400)
    const page = await listAuditEntries(db, { ...query, timeZone: deps.clock.timeZone })
    const first = page.entries[0]
    const last = page.entries.at(-1)
    const link = (cursor: { before?: string; after?: string }) =>
      `/api/v1/audit${auditQueryString(query.filters, cursor)}`
    return c.json({
      data: page.entries,
      meta: {
        count: page.entries.length,
        filters: query.filters,
        newer: page.hasNewer ? link(first ? { after: first.id } : {}) : null,
        older: page.hasOlder ? link(last ? { before: last.id } : {}) : null,
      },
    })
  })

  return app
}
