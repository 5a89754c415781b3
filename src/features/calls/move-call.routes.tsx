import type { Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { type CallChangeOptOut, callChangeEmailsOf } from './call-change-emails.ts'
import { checkMoveForm } from './call-forms.ts'
import { callOf, done, formRefusal, staffActor } from './call-route-parts.ts'
import type { CallView } from './call-view.ts'
import { moveCall } from './move-call.ts'
import { MoveCallPage, type MoveValues } from './move-call.views.tsx'

/** Staff move a call to another date or start time: /staff/calls/:date/move. */
export function moveCallRoutes(app: Hono<AppEnv>, deps: AppDeps, changeOptOut: CallChangeOptOut) {
  const { db } = deps.database
  const tell = callChangeEmailsOf(deps, changeOptOut)

  const movePage = (
    c: Context<AppEnv>,
    call: CallView,
    status: 200 | 400,
    form: { values?: MoveValues; errors?: { date?: string; startTime?: string }; flash?: FlashMessage },
  ) =>
    renderPage(
      c,
      <MoveCallPage
        call={call}
        today={deps.clock.today()}
        values={form.values ?? { date: call.localDate, startTime: call.startTime }}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      { status },
    )

  app.get('/staff/calls/:date/move', requirePermission('calls:manage'), async (c) =>
    movePage(c, await callOf(db, c), 200, {}),
  )

  app.post('/staff/calls/:date/move', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(db, c)
    const actor = staffActor(c)
    const fields = await formFields(c)
    const values = { date: (fields.date ?? '').trim(), startTime: (fields.startTime ?? '').trim() }
    const checked = checkMoveForm(values)
    if (!checked.ok) return movePage(c, call, 400, { values, errors: checked.errors })
    try {
      const moved = await moveCall(db, actor, {
        date: call.localDate,
        newDate: checked.value.date,
        newStartTime: checked.value.startTime,
        today: deps.clock.today(),
      })
      await tell({ kind: 'moved', call: moved, from: call })
      return done(c, moved, 'moved')
    } catch (error) {
      return movePage(c, call, 400, { values, ...formRefusal(error, ['date', 'startTime']) })
    }
  })
}
