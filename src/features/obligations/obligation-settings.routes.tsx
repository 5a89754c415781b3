import type { Context, Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import type { FieldErrors } from '#src/http/form.ts'
import { readForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { loadRecordsBeginOn } from './compliance.ts'
import {
  cutoffFields,
  cutoffSetting,
  type ObligationSettingsValues,
  obligationSettingsForm,
  saveObligationSettings,
} from './obligation-settings.ts'
import { ObligationSettingsPage } from './obligation-settings.views.tsx'

export const OBLIGATION_SETTINGS_PATH = '/staff/settings/obligations'

/** Staff set when the records begin and the presentation's admission cut-off: /staff/settings/obligations. */
export function obligationSettingsRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const page = async (
    c: Context<AppEnv>,
    options: { values?: ObligationSettingsValues; errors?: FieldErrors; status?: 400 } = {},
  ) => {
    const today = deps.clock.today()
    const [settings, begins] = await Promise.all([getSettings(db), loadRecordsBeginOn(db, today)])
    const stored = {
      recordsBeginOn: settings.recordsBeginOn ?? '',
      ...cutoffFields(settings.presentationAdmissionCutoff),
    }
    return renderPage(
      c,
      <ObligationSettingsPage
        values={options.values ?? stored}
        errors={options.errors ?? {}}
        current={{ setting: settings.recordsBeginOn, begins, cutoff: settings.presentationAdmissionCutoff }}
        today={today}
        saved={c.req.query('saved') === '1' && !options.errors}
      />,
      { status: options.status },
    )
  }

  app.get(OBLIGATION_SETTINGS_PATH, requirePermission('obligations:manage'), (c) => page(c))

  app.post(OBLIGATION_SETTINGS_PATH, requirePermission('obligations:manage'), async (c) => {
    const form = await readForm(c, obligationSettingsForm(deps.clock.today()))
    if (!form.ok) {
      const { recordsBeginOn = '', cutoffMonth = '', cutoffDay = '' } = form.fields
      return page(c, { values: { recordsBeginOn, cutoffMonth, cutoffDay }, errors: form.errors, status: 400 })
    }
    const { recordsBeginOn, cutoffMonth, cutoffDay } = form.value
    await saveObligationSettings(db, editorOf(c.get('viewer')).actor, {
      recordsBeginOn: recordsBeginOn === '' ? null : recordsBeginOn,
      presentationAdmissionCutoff: cutoffSetting(cutoffMonth, cutoffDay),
    })
    return c.redirect(`${OBLIGATION_SETTINGS_PATH}?saved=1`, 303)
  })
}
