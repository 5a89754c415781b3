import { Hono } from 'hono'
import { outcomeReportStatuses } from '#src/db/schema/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { countReportsByStatus, listReports } from './report-queries.ts'
import { type QueueTab, StaffQueuePage } from './staff-queue.views.tsx'

const isTab = (value: string): value is QueueTab =>
  value === 'all' || (outcomeReportStatuses as readonly string[]).includes(value)

/** Staff's queue of outcome reports: submitted first, with tabs for the other states. */
export function staffQueueRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/staff/outcomes', requirePermission('outcomes:manage'), async (c) => {
    const asked = c.req.query('status') ?? 'submitted'
    const tab: QueueTab = isTab(asked) ? asked : 'submitted'
    const [reports, counts] = await Promise.all([
      listReports(db, tab === 'all' ? {} : { status: tab }),
      countReportsByStatus(db),
    ])
    return renderPage(c, <StaffQueuePage tab={tab} reports={reports} counts={counts} />)
  })
  return app
}
