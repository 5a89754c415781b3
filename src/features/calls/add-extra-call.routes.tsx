import type { Context, Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { addExtraCall } from './add-extra-call.ts'
import { type CallChangeOptOut, callChangeEmailsOf } from './call-change-emails.ts'
import { checkNewCallForm } from './call-forms.ts'
import { done, formRefusal, staffActor } from './call-route-parts.ts'
import { NewCallPage, type NewCallValues } from './new-call.views.tsx'

/** Staff add a call outside the weekly series: /staff/calls/new. */
export function addCallRoutes(app: Hono<AppEnv>, deps: AppDeps, changeOptOut: CallChangeOptOut) {
  const { db } = deps.database
  const tell = callChangeEmailsOf(deps, changeOptOut)

  const newCallPage = async (
    c: Context<AppEnv>,
    status: 200 | 400,
    form: {
      values?: NewCallValues
      errors?: Parameters<typeof NewCallPage>[0]['errors']
      flash?: FlashMessage
    },
  ) => {
    const settings = await getSettings(db)
    const values = form.values ?? {
      date: '',
      startTime: settings.callStartTime,
      durationMinutes: String(settings.callDurationMinutes),
      title: '',
      addedReason: '',
    }
    return renderPage(
      c,
      <NewCallPage
        today={deps.clock.today()}
        timeZone={settings.callTimeZone}
        values={values}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      { status },
    )
  }

  app.get('/staff/calls/new', requirePermission('calls:manage'), (c) => newCallPage(c, 200, {}))

  app.post('/staff/calls/new', requirePermission('calls:manage'), async (c) => {
    const actor = staffActor(c)
    const fields = await formFields(c)
    const values: NewCallValues = {
      date: (fields.date ?? '').trim(),
      startTime: (fields.startTime ?? '').trim(),
      durationMinutes: (fields.durationMinutes ?? '').trim(),
      title: (fields.title ?? '').trim(),
      addedReason: (fields.addedReason ?? '').trim(),
    }
    const settings = await getSettings(db)
    const checked = checkNewCallForm(values, { durationMinutes: settings.callDurationMinutes })
    if (!checked.ok) return newCallPage(c, 400, { values, errors: checked.errors })
    try {
      const call = await addExtraCall(db, actor, { ...checked.value, today: deps.clock.today() })
      await tell({ kind: 'added', call })
      return done(c, call, 'added')
    } catch (error) {
      return newCallPage(c, 400, {
        values,
        ...formRefusal(error, ['date', 'startTime', 'durationMinutes', 'title', 'addedReason']),
      })
    }
  })
}
