import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet } from '#src/http/respond.ts'
import { buildNetworkCalendar, feedFileName } from './calendar.ts'

export const NETWORK_FEED_PATH = '/calendar/network.ics'

/** The public calendar feed of the national calls, for Google Calendar, Outlook and Apple Calendar. */
export function calendarRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(NETWORK_FEED_PATH, requirePermission('public'), conditionalGet, async (c) => {
    const body = await buildNetworkCalendar(deps.database.db, {
      today: deps.clock.today(),
      // Events with no recorded change are stamped with the start of today: the feed, and
      // so its ETag, (a hash of the body) stays the same until a call changes or the day does.
      now: new Date(`${deps.clock.today()}T00:00:00Z`),
      url: new URL(NETWORK_FEED_PATH, deps.origin).href,
    })
    const headers = {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${feedFileName('calls')}"`,
      // Calendar apps poll the feed: they may keep it, but must ask again before using it.
      'Cache-Control': 'public, no-cache',
    }
    return c.body(body, 200, headers)
  })

  return app
}
