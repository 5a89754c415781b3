import type { Context } from 'hono'
import { Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { formatDate } from '#src/ui/format.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  checkTicked,
  findRollCallCall,
  loadRollCall,
  type RollCall,
  type RollCallCall,
  RollCallRefused,
  rollCallRefusal,
  saveRollCall,
} from './roll-call.ts'
import { RollCallPage, type RollCallPageProps } from './roll-call.views.tsx'

/** The roll call of a call: staff tick who was present. */
export function rollCallRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  /** The call named by the address, or the page that says why its roll call cannot be taken. */
  const callOf = async (
    c: Context<AppEnv>,
  ): Promise<{ call: RollCallCall; refused?: undefined } | { call?: undefined; refused: Response }> => {
    const date = c.req.param('date') ?? ''
    const call = await findRollCallCall(db, date)
    if (!call) {
      const message = /^\d{4}-\d{2}-\d{2}$/.test(date)
        ? `No call is on record for ${date}.`
        : 'A call is named by its date in the address, written year-month-day, such as /staff/calls/2026-11-23/roll-call.'
      return { refused: await renderErrorPage(c, 404, message) }
    }
    const refusal = rollCallRefusal(call, deps.clock.today())
    if (refusal) return { refused: await renderErrorPage(c, 400, refusal) }
    return { call }
  }

  const page = async (
    c: Context<AppEnv>,
    rollCall: RollCall,
    status: 200 | 400,
    flash?: RollCallPageProps['flash'],
  ) => {
    c.header('Cache-Control', 'private, no-store')
    return c.html(await renderDocument(<RollCallPage rollCall={rollCall} flash={flash} />), status)
  }

  const load = async (call: RollCallCall) =>
    loadRollCall(db, call, { minimumMinutes: (await getSettings(db)).minimumAttendanceMinutes })

  app.get('/staff/calls/:date/roll-call', requirePermission('attendance:manage'), async (c) => {
    const { call, refused } = await callOf(c)
    if (!call) return refused
    const rollCall = await load(call)
    const flash =
      c.req.query('saved') === '1'
        ? { text: `Saved: ${rollCall.ticked} present on the roll call of ${formatDate(call.localDate)}.` }
        : undefined
    return page(c, rollCall, 200, flash)
  })

  app.post('/staff/calls/:date/roll-call', requirePermission('attendance:manage'), async (c) => {
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId)
      return renderErrorPage(c, 403, 'Only a staff member on record as a person can take the roll call.')
    const { call, refused } = await callOf(c)
    if (!call) return refused
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
      if (error instanceof RollCallRefused) return refuse(error.userMessage)
      throw error
    }
    return c.redirect(`/staff/calls/${call.localDate}/roll-call?saved=1`, 303)
  })

  return app
}
