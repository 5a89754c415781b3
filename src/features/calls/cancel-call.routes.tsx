import type { Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { type CallChangeOptOut, callChangeEmailsOf } from './call-change-emails.ts'
import { checkCancelForm } from './call-forms.ts'
import { callOf, done, formRefusal, staffActor } from './call-route-parts.ts'
import type { CallView } from './call-view.ts'
import { cancelCall } from './cancel-call.ts'
import { CancelCallPage, type CancelValues } from './cancel-call.views.tsx'
import { reinstateCall } from './reinstate-call.ts'

/** Staff cancel a call and reinstate it: /staff/calls/:date/cancel and /reinstate. */
export function cancelCallRoutes(app: Hono<AppEnv>, deps: AppDeps, changeOptOut: CallChangeOptOut) {
  const { db } = deps.database
  const tell = callChangeEmailsOf(deps, changeOptOut)

  const cancelPage = (
    c: Context<AppEnv>,
    call: CallView,
    status: 200 | 400,
    form: { values?: CancelValues; errors?: { reason?: string }; flash?: FlashMessage },
  ) =>
    renderPage(
      c,
      <CancelCallPage
        call={call}
        values={form.values ?? { reason: call.status === 'cancelled' ? (call.cancelReason ?? '') : '' }}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      { status },
    )

  app.get('/staff/calls/:date/cancel', requirePermission('calls:manage'), async (c) =>
    cancelPage(c, await callOf(db, c), 200, {}),
  )

  app.post('/staff/calls/:date/cancel', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(db, c)
    const actor = staffActor(c)
    const fields = await formFields(c)
    const values = { reason: fields.reason ?? '' }
    const checked = checkCancelForm(values)
    if (!checked.ok) return cancelPage(c, call, 400, { values, errors: checked.errors })
    try {
      const cancelled = await cancelCall(db, actor, { date: call.localDate, reason: checked.value.reason })
      // A new reason for a call already cancelled is no news to the members.
      if (call.status !== 'cancelled') await tell({ kind: 'cancelled', call: cancelled })
      return done(c, cancelled, 'cancelled')
    } catch (error) {
      return cancelPage(c, call, 400, { values, ...formRefusal(error, ['reason']) })
    }
  })

  // A refusal (the call is not cancelled) is the error page with its message (400).
  app.post('/staff/calls/:date/reinstate', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(db, c)
    const actor = staffActor(c)
    const reinstated = await reinstateCall(db, actor, { date: call.localDate, today: deps.clock.today() })
    await tell({ kind: 'reinstated', call: reinstated })
    return done(c, reinstated, 'reinstated')
  })
}
