import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { isRefusal } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { goalValues, readGoalFields } from './goal-form.ts'
import { currentGoals, goalHistory, setGoals } from './goals.ts'
import { GoalsPage } from './goals.views.tsx'
import { listMetrics } from './metrics.ts'
import { designationTerms } from './outcome-organizations.ts'
import { chooseOrganization, outcomesByOf } from './outcomes-access.ts'
import { type PeriodValues, periodValuesOf, readPeriod } from './period-form.ts'

/** An organisation's goals: its representative and alternate set them, and staff for any organisation. */
export function goalRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const page = async (
    c: Context<AppEnv>,
    slug: string | undefined,
    options: {
      period?: PeriodValues
      values?: Record<string, string>
      errors?: Record<string, string>
      flash?: FlashMessage
      status?: 200 | 400 | 409
    } = {},
  ) => {
    const { choices, chosen } = await chooseOrganization(db, c.get('viewer'), slug)
    const [metrics, allMetrics] = await Promise.all([
      listMetrics(db),
      listMetrics(db, { includeRetired: true }),
    ])
    const [terms, current, history] = chosen
      ? await Promise.all([
          designationTerms(db, chosen.id),
          currentGoals(db, chosen.id),
          goalHistory(db, chosen.id),
        ])
      : [[], [], []]
    const asked = Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => k.startsWith('period')))
    const period =
      options.period ?? periodValuesOf({ 'period-year': deps.clock.today().slice(0, 4), ...asked })
    let shown = null
    try {
      shown = readPeriod(period, terms)
    } catch {
      shown = null
    }
    const changed = Number(c.req.query('changed') ?? Number.NaN)
    const notice = Number.isInteger(changed)
      ? {
          text:
            changed === 0
              ? 'No goal changed.'
              : `Saved: ${changed} ${changed === 1 ? 'goal' : 'goals'} changed.`,
        }
      : undefined
    return renderPage(
      c,
      <GoalsPage
        organizations={choices}
        org={chosen}
        terms={terms}
        metrics={metrics}
        allMetrics={allMetrics}
        current={current}
        history={history}
        period={period}
        values={options.values ?? goalValues(metrics, current, shown)}
        errors={options.errors ?? {}}
        flash={options.flash ?? notice}
      />,
      { status: options.status ?? 200 },
    )
  }

  app.get('/outcomes/goals', requirePermission('outcomes:own'), (c) =>
    page(c, c.req.query('organization') || undefined),
  )

  app.post('/outcomes/goals', requirePermission('outcomes:own'), async (c) => {
    const fields = await formFields(c)
    const slug = fields.organization || undefined
    const { chosen } = await chooseOrganization(db, c.get('viewer'), slug)
    const period = periodValuesOf(fields)
    const again = (errors: Record<string, string>, status: 400 | 409) =>
      page(c, slug, {
        period,
        values: fields,
        errors,
        status,
        flash: errors.form ? { text: errors.form, isError: true } : undefined,
      })
    if (!chosen) return again({ form: 'Choose an organisation.' }, 400)
    const { targets, errors } = readGoalFields(await listMetrics(db), fields)
    try {
      const chosenPeriod = readPeriod(period, await designationTerms(db, chosen.id))
      if (Object.keys(errors).length > 0) return again(errors, 400)
      const changed = await setGoals(
        db,
        { organizationId: chosen.id, period: chosenPeriod, targets },
        outcomesByOf(c.get('viewer')),
      )
      const query = new URLSearchParams({ organization: chosen.slug, ...period, changed: String(changed) })
      return c.redirect(`/outcomes/goals?${query.toString()}`, 303)
    } catch (error) {
      if (!isRefusal(error) || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw error
      return again(
        { ...errors, [error.field ?? 'form']: error.userMessage },
        error.status === 409 ? 409 : 400,
      )
    }
  })
  return app
}
