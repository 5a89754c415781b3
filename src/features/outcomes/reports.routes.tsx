import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { hasRole } from '#src/http/viewer.ts'
import { isRefusal } from '#src/lib/errors.ts'
import { listMetrics } from './metrics.ts'
import { designationTerms } from './outcome-organizations.ts'
import { chooseOrganization, outcomesByOf } from './outcomes-access.ts'
import { type PeriodValues, periodValuesOf, readPeriod } from './period-form.ts'
import { reportActionRoutes } from './report-actions.routes.tsx'
import { findReportId, listReports } from './report-queries.ts'
import { saveReportDraft } from './report-workflow.ts'
import { OutcomesPage } from './reports-list.views.tsx'

/** A representative's (or staff's) outcome reports: the list, starting one, and the report page. */
export function reportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const thisYear = () => deps.clock.today().slice(0, 4)

  const listPage = async (
    c: Context<AppEnv>,
    slug: string | undefined,
    options: { values?: PeriodValues; errors?: Record<string, string>; status?: 200 | 400 | 409 } = {},
  ) => {
    const viewer = c.get('viewer')
    const { choices, chosen } = await chooseOrganization(db, viewer, slug)
    const [reports, terms] = chosen
      ? await Promise.all([listReports(db, { organizationId: chosen.id }), designationTerms(db, chosen.id)])
      : [[], []]
    const lastYear = String(Number(thisYear()) - 1)
    return renderPage(
      c,
      <OutcomesPage
        organizations={choices}
        org={chosen}
        reports={reports}
        terms={terms}
        values={options.values ?? periodValuesOf({ 'period-year': lastYear })}
        errors={options.errors ?? {}}
        isStaff={hasRole(viewer, 'staff')}
      />,
      { status: options.status ?? 200 },
    )
  }

  app.get('/outcomes', requirePermission('outcomes:own'), (c) =>
    listPage(c, c.req.query('organization') || undefined),
  )

  app.post('/outcomes', requirePermission('outcomes:own'), async (c) => {
    const fields = await formFields(c)
    const slug = fields.organization || undefined
    const { chosen } = await chooseOrganization(db, c.get('viewer'), slug)
    const values = periodValuesOf(fields)
    if (!chosen)
      return listPage(c, slug, { values, errors: { form: 'Choose an organisation.' }, status: 400 })
    try {
      const period = readPeriod(values, await designationTerms(db, chosen.id))
      const existing = await findReportId(db, chosen.id, period)
      if (existing) return c.redirect(`/outcomes/reports/${existing}?notice=exists`, 303)
      const figures = (await listMetrics(db)).map((m) => ({ metric: m.key, actual: null, note: null }))
      const id = await saveReportDraft(
        db,
        { organizationId: chosen.id, period, note: null, evidenceUrl: null, figures },
        outcomesByOf(c.get('viewer')),
      )
      return c.redirect(`/outcomes/reports/${id}?notice=started`, 303)
    } catch (error) {
      if (!isRefusal(error) || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw error
      const errors = { [error.field ?? 'form']: error.userMessage }
      return listPage(c, slug, { values, errors, status: error.status === 409 ? 409 : 400 })
    }
  })

  app.route('/', reportActionRoutes(deps))

  return app
}
