import type { Context, Hono } from 'hono'
import { getSettings, joinDefaultsForm, saveJoinDefaults } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { readForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { staffActor } from './call-route-parts.ts'
import { JoinDefaultsPage, type JoinValues } from './join-defaults.views.tsx'

export const JOIN_DEFAULTS_PATH = '/staff/calls/joining'

/** Staff set how members join the weekly calls (a call may have its own): /staff/calls/joining. */
export function joinDefaultsRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const page = (c: Context<AppEnv>, values: JoinValues, status: 200 | 400, errors = {}, saved = false) =>
    renderPage(c, <JoinDefaultsPage values={values} errors={errors} saved={saved} />, { status })

  app.get(JOIN_DEFAULTS_PATH, requirePermission('calls:manage'), async (c) => {
    const settings = await getSettings(db)
    const values = { joinUrl: settings.callJoinUrl, dialIn: settings.callDialIn }
    return page(c, values, 200, {}, c.req.query('saved') === '1')
  })

  app.post(JOIN_DEFAULTS_PATH, requirePermission('calls:manage'), async (c) => {
    const actor = staffActor(c)
    const form = await readForm(c, joinDefaultsForm)
    if (!form.ok)
      return page(
        c,
        { joinUrl: form.fields.joinUrl ?? '', dialIn: form.fields.dialIn ?? '' },
        400,
        form.errors,
      )
    await saveJoinDefaults(db, actor, form.value)
    return c.redirect(`${JOIN_DEFAULTS_PATH}?saved=1`, 303)
  })
}
