import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { checkForm, formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeText } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isRefusal } from '#src/lib/errors.ts'
import { metricForm, newMetricForm } from './metric-form.ts'
import { listMetrics } from './metrics.ts'
import { type MetricAttempt, MetricsPage } from './metrics.views.tsx'
import { addMetric, editMetric, retireMetric } from './metrics-commands.ts'

const notices: Record<string, string> = {
  added: 'The metric is added: reports and goals ask for it from now on.',
  saved: 'The metric is saved.',
  retired: 'The metric is retired: it is no longer asked for; its figures stay.',
  restored: 'The metric is asked for again.',
}

/** Staff define the metrics: list, add, edit, retire. */
export function metricRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const base = '/staff/outcomes/metrics'

  const page = async (c: Context<AppEnv>, attempt?: MetricAttempt, status: 200 | 400 | 404 | 409 = 200) => {
    const notice = noticeText(notices, c.req.query('notice'))
    const metrics = await listMetrics(db, { includeRetired: true })
    const flash = attempt?.errors.form
      ? { text: attempt.errors.form, isError: true }
      : notice && !attempt
        ? { text: notice }
        : undefined
    return renderPage(c, <MetricsPage metrics={metrics} attempt={attempt} flash={flash} />, { status })
  }

  /** Runs a command; a refusal shows the page again with the form as typed. */
  const attemptCommand = async (
    c: Context<AppEnv>,
    attempt: MetricAttempt,
    command: () => Promise<void>,
    notice: keyof typeof notices,
  ) => {
    try {
      await command()
    } catch (error) {
      if (!isRefusal(error)) throw error
      const errors = { [error.field ?? 'form']: error.userMessage }
      const status = error.status === 404 ? 404 : error.status === 409 ? 409 : 400
      return page(c, { ...attempt, errors }, status)
    }
    return c.redirect(`${base}?notice=${notice}`, 303)
  }

  app.get(base, requirePermission('outcomes:manage'), (c) => page(c))

  app.post(base, requirePermission('outcomes:manage'), async (c) => {
    const fields = await formFields(c)
    const form = checkForm(newMetricForm, fields)
    if (!form.ok) return page(c, { key: 'new', values: fields, errors: form.errors }, 400)
    const actor = editorOf(c.get('viewer')).actor
    return attemptCommand(
      c,
      { key: 'new', values: fields, errors: {} },
      () => addMetric(db, form.value, actor),
      'added',
    )
  })

  app.post(`${base}/:key`, requirePermission('outcomes:manage'), async (c) => {
    const key = c.req.param('key')
    const fields = await formFields(c)
    const form = checkForm(metricForm, fields)
    if (!form.ok) return page(c, { key, values: fields, errors: form.errors }, 400)
    const actor = editorOf(c.get('viewer')).actor
    return attemptCommand(
      c,
      { key, values: fields, errors: {} },
      () => editMetric(db, key, form.value, actor),
      'saved',
    )
  })

  for (const [action, retire] of [
    ['retire', true],
    ['restore', false],
  ] as const) {
    app.post(`${base}/:key/${action}`, requirePermission('outcomes:manage'), async (c) => {
      const key = c.req.param('key')
      const actor = editorOf(c.get('viewer')).actor
      return attemptCommand(
        c,
        { key: '', values: {}, errors: {} },
        () => retireMetric(db, key, retire, actor),
        retire ? 'retired' : 'restored',
      )
    })
  }
  return app
}
