import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet, hasDemoData, sendCached } from '#src/http/respond.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { AnnualReportPage } from './annual-report.views.tsx'
import { annualReportCss } from './annual-report-css.ts'
import { loadYearReport, REPORT_YEARS, reportYear } from './year-report.ts'

/** The annual report: a printable page per year (public, cached like the directory) and its stylesheet. */
export function annualReportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/impact/report/:year', requirePermission('public'), conditionalGet, async (c) => {
    const year = reportYear(c.req.param('year'))
    if (year === undefined)
      throw notFound(
        `There is an annual report for each year from ${REPORT_YEARS.first} to ${REPORT_YEARS.last}, such as /impact/report/2026.`,
      )
    return sendCached(c, deps, {
      key: `annual-report|${year}`,
      type: 'html',
      render: async () => {
        const [report, demo] = await Promise.all([
          loadYearReport(db, { year, today: deps.clock.today() }),
          hasDemoData(db),
        ])
        return renderDocument(<AnnualReportPage report={report} hasDemoData={demo} />)
      },
    })
  })

  app.get('/assets/annual-report.css', requirePermission('public'), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8')
    c.header(
      'Cache-Control',
      c.req.query('v') === annualReportCss.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    return c.body(annualReportCss.body)
  })

  return app
}
