import type { Context } from 'hono'
import { Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { keepViewerPages } from '#src/http/viewer-pages.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import { findRollCallCall, loadRollCall } from './load-roll-call.ts'
import { checkTicked, type RollCall, type RollCallCall, rollCallRefusal } from './roll-call.ts'
import { RollCallPage, type RollCallPageProps } from './roll-call.views.tsx'
import { saveRollCall } from './save-roll-call.ts'
import { UpcomingRollCallPage } from './upcoming-call.views.tsx'

/** The roll call of a call: staff tick who was present. */
export function rollCallRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  /** The call named by the address; 404 when there is none, 400 when its roll call cannot be taken. */
  const callOf = async (c: Context<AppEnv>): Promise<RollCallCall> => {
    const call = await findCall(c)
    const refusal = rollCallRefusal(call, deps.clock.today())
    if (refusal) throw new AppError('BAD_INPUT', { userMessage: refusal })
    return call
  }

  /** The call named by the address, whatever its state; 404 when there is none. */
  const findCall = async (c: Context<AppEnv>): Promise<RollCallCall> => {
    const date = c.req.param('date') ?? ''
    const call = await findRollCallCall(db, date)
    if (!call)
      throw notFound(
        /^\d{4}-\d{2}-\d{2}$/.test(date)
          ? `No call is on record for ${date}.`
          : 'A call is named by its date in the address, written year-month-day, such as /staff/calls/2026-11-23/roll-call.',
      )
    return call
  }

  const page = (
    c: Context<AppEnv>,
    rollCall: RollCall,
    status: 200 | 400,
    flash?: RollCallPageProps['flash'],
  ) => renderPage(c, <RollCallPage rollCall={rollCall} flash={flash} />, { status })

  const load = async (call: RollCallCall) =>
    loadRollCall(db, call, { minimumMinutes: (await getSettings(db)).minimumAttendanceMinutes })

  app.get(
    '/staff/calls/:date/roll-call',
    requirePermission('attendance:manage'),
    keepViewerPages(deps),
    async (c) => {
      const found = await findCall(c)
      // A call still to come: when its roll call opens, and the way back, rather than a refusal.
      if (found.status !== 'cancelled' && found.localDate > deps.clock.today())
        return renderPage(c, <UpcomingRollCallPage call={found} />)
      const call = await callOf(c)
      const rollCall = await load(call)
      const flash =
        c.req.query('saved') === '1'
          ? { text: `Saved: ${rollCall.ticked} present on the roll call of ${formatDate(call.localDate)}.` }
          : undefined
      return page(c, rollCall, 200, flash)
    },
  )

  app.post('/staff/calls/:date/roll-call', requirePermission('attendance:manage'), async (c) => {
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId)
      throw new AppError('FORBIDDEN', {
        userMessage: 'Only a staff member on record as a person can take the roll call.',
      })
    const call = await callOf(c)
    const body = await c.req.parseBody({ all: true })
    const present = [body.present ?? []].flat().filter((v): v is string => typeof v === 'string')
    const rollCall = await load(call)
    /** The page again with the boxes as they were sent, and what went wrong. */
    const refuse = (message: string) => {
      const sent = new Set(present.map((p) => p.trim().toLowerCase()))
      for (const org of rollCall.organizations)
        for (const seat of org.seats) seat.isTicked = seat.person !== null && sent.has(seat.person.id)
      return page(c, rollCall, 400, { isError: true, text: `Nothing was saved. ${message}` })
    }
    const holderIds = new Set(
      rollCall.organizations.flatMap((o) => o.seats.flatMap((s) => (s.person ? [s.person.id] : []))),
    )
    const checked = checkTicked(present, holderIds)
    if (!checked.ok) return refuse(checked.message)
    try {
      await saveRollCall(db, `person:${viewer.personId}`, {
        callId: call.id,
        presentIds: checked.ids,
        today: deps.clock.today(),
      })
    } catch (error) {
      if (isAppError(error) && error.code === 'BAD_INPUT') return refuse(error.userMessage)
      throw error
    }
    return c.redirect(`/staff/calls/${call.localDate}/roll-call?saved=1`, 303)
  })

  return app
}
