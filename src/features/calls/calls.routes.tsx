import type { Context } from 'hono'
import { Hono } from 'hono'
import { NETWORK_FEED_PATH } from '#src/features/calendar/index.ts'
import { getSettings, joinDetailsOf } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { visibleTo } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { addCallRoutes } from './add-extra-call.routes.tsx'
import { callAttachments } from './call-attachments.ts'
import type { CallChangeOptOut } from './call-change-emails.ts'
import { describeSeries, formatCallWhen } from './call-format.ts'
import { pinnedFundingCount } from './call-funding-pins.ts'
import { CallPage } from './call-page.views.tsx'
import { callOf, type DoneWhat } from './call-route-parts.ts'
import { type CallView, movedCallDate } from './call-view.ts'
import { CallsPage } from './calls-page.views.tsx'
import { cancelCallRoutes } from './cancel-call.routes.tsx'
import { editCallRoutes } from './edit-call.routes.tsx'
import { joinDefaultsRoutes } from './join-defaults.routes.tsx'
import { recentHeldCalls, upcomingCalls } from './list-calls.ts'
import { moveCallRoutes } from './move-call.routes.tsx'

const LIST_LENGTH = 10

/** What the call page says after a staff change (the redirect carries `done`). */
const doneMessages: Record<DoneWhat, (call: CallView) => string> = {
  added: (call) => `The extra call is added: ${formatCallWhen(call.startsAt, call.timeZone)}.`,
  cancelled: () =>
    'The call is cancelled. Members see it cancelled, with your reason, here and in their calendars.',
  reinstated: () => 'The call is reinstated: members see it back on the calendar.',
  moved: (call) =>
    `The call is moved to ${formatCallWhen(call.startsAt, call.timeZone)}. Members see the new time here and in their calendars.`,
  edited: () => 'The call is saved.',
}

const isStaff = (c: Context<AppEnv>) => {
  const viewer = c.get('viewer')
  return viewer.kind === 'user' && viewer.roles.includes('staff')
}

/** The calls' pages for members, and staff cancelling, moving and adding calls. */
export function callRoutes(deps: AppDeps, options: { changeOptOut: CallChangeOptOut }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/calls', requirePermission('calls:read'), async (c) => {
    const today = deps.clock.today()
    const [upcoming, recent, settings] = await Promise.all([
      upcomingCalls(db, { today, limit: LIST_LENGTH }),
      recentHeldCalls(db, { today, limit: LIST_LENGTH }),
      getSettings(db),
    ])
    return renderPage(
      c,
      <CallsPage
        today={today}
        upcoming={upcoming}
        recent={recent}
        usual={describeSeries(settings, today)}
        feedUrl={new URL(NETWORK_FEED_PATH, deps.origin).href}
        isStaff={isStaff(c)}
      />,
    )
  })

  app.get('/calls/:date', requirePermission('calls:read'), async (c) => {
    const date = c.req.param('date')
    const movedTo = isIsoDate(date) ? await movedCallDate(db, date) : undefined
    if (movedTo) return c.redirect(`/calls/${movedTo}`, 302)
    const call = await callOf(db, c)
    const [attachments, settings, pinnedFunding] = await Promise.all([
      callAttachments(db, call.id),
      getSettings(db),
      pinnedFundingCount(db, call.id, visibleTo(c.get('viewer'))),
    ])
    const doneWhat = c.req.query('done') ?? ''
    const message = Object.hasOwn(doneMessages, doneWhat) ? doneMessages[doneWhat as DoneWhat] : undefined
    return renderPage(
      c,
      <CallPage
        call={call}
        today={deps.clock.today()}
        briefings={attachments.briefings}
        presentations={attachments.presentations}
        pinnedFunding={pinnedFunding}
        isStaff={isStaff(c)}
        join={joinDetailsOf(call, settings)}
        flash={message ? { text: message(call) } : undefined}
      />,
    )
  })

  addCallRoutes(app, deps, options.changeOptOut)
  editCallRoutes(app, deps)
  joinDefaultsRoutes(app, deps)
  cancelCallRoutes(app, deps, options.changeOptOut)
  moveCallRoutes(app, deps, options.changeOptOut)
  return app
}
