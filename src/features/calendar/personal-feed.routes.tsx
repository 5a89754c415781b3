import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeText } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { conditionalGet } from '#src/http/respond.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import { renderErrorPage } from '#src/ui/render-error.ts'
import { NETWORK_FEED_PATH } from './calendar.routes.ts'
import { feedFileName, feedSinceDate } from './calendar.ts'
import {
  activeFeed,
  buildPersonalCalendar,
  createFeed,
  feedOwner,
  personalFeedPath,
  presentationSlotsOf,
  revokeFeed,
  seatOrganizationNames,
} from './personal-feed.ts'
import { CalendarPage, type CalendarPageProps } from './personal-feed.views.tsx'

const notices: Record<string, string> = {
  revoked: 'Your private feed was stopped: its address no longer answers.',
  none: 'You had no private feed to stop.',
}

const noPerson = 'Your account is not linked to a person record, so it cannot have a private calendar feed.'

/** A person's private calendar feed (secret, revocable URL) and the page that manages it. */
export function personalFeedRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const personOf = (c: Context<AppEnv>): string | null => {
    const viewer = c.get('viewer')
    return viewer.kind === 'user' ? viewer.personId : null
  }

  const calendarPage = async (
    c: Context<AppEnv>,
    personId: string,
    status: 200 | 201,
    extra: Pick<CalendarPageProps, 'createdUrl' | 'replaced' | 'notice'>,
  ) => {
    const today = deps.clock.today()
    const [feed, organizations, slots] = await Promise.all([
      activeFeed(db, personId),
      seatOrganizationNames(db, personId, today),
      presentationSlotsOf(db, { personId, onDate: today, sinceDate: feedSinceDate(today) }),
    ])
    const page = (
      <CalendarPage
        networkUrl={new URL(NETWORK_FEED_PATH, deps.origin).href}
        feed={feed}
        organizations={organizations}
        slots={slots}
        {...extra}
      />
    )
    // The page may hold a secret address: nobody keeps a copy.
    return renderPage(c, page, { status, cacheControl: 'no-store' })
  }

  app.get('/account/calendar', requirePermission('account:self'), async (c) => {
    const personId = personOf(c)
    if (!personId) throw new AppError('FORBIDDEN', { userMessage: noPerson })
    return calendarPage(c, personId, 200, { notice: noticeText(notices, c.req.query('notice')) })
  })

  app.post('/account/calendar/feed', requirePermission('account:self'), async (c) => {
    const personId = personOf(c)
    if (!personId) throw new AppError('FORBIDDEN', { userMessage: noPerson })
    const { token, replaced } = await createFeed(db, personId)
    const createdUrl = new URL(personalFeedPath(token), deps.origin).href
    return calendarPage(c, personId, 201, { createdUrl, replaced })
  })

  app.post('/account/calendar/feed/revoke', requirePermission('account:self'), async (c) => {
    const personId = personOf(c)
    if (!personId) throw new AppError('FORBIDDEN', { userMessage: noPerson })
    const revoked = await revokeFeed(db, personId)
    return c.redirect(`/account/calendar?notice=${revoked ? 'revoked' : 'none'}`, 303)
  })

  // The secret in the address is the credential: no session, and nothing in the answer says
  // whether an address ever existed.
  app.get('/calendar/people/:token{[^/]+\\.ics}', requirePermission('public'), conditionalGet, async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Robots-Tag', 'noindex')
    const token = c.req.param('token').replace(/\.ics$/, '')
    const today = deps.clock.today()
    let body: string | undefined
    try {
      const personId = await feedOwner(db, token)
      body = personId
        ? await buildPersonalCalendar(db, {
            personId,
            today,
            // As for the network feed: the answer stays the same until something in it changes.
            now: new Date(`${today}T00:00:00Z`),
          })
        : undefined
    } catch (error) {
      // An expected failure (the database is unreachable…) gets its own page, with no log line.
      if (isAppError(error)) throw error
      // Logged here without the path, which holds the secret (the app's error handler logs it).
      logger.error({ err: error }, 'a private calendar feed could not be built')
      c.header('Cache-Control', 'no-store')
      return renderErrorPage(c, 500, 'The Hub could not answer this request. The error has been logged.')
    }
    if (!body) {
      c.header('Cache-Control', 'no-store')
      return renderErrorPage(c, 404, 'There is nothing at this address.')
    }
    const headers = {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${feedFileName('my-calendar')}"`,
      // Only the calendar app that holds the secret may keep it, and must ask again before using it.
      'Cache-Control': 'private, no-cache',
    }
    return c.body(body, 200, headers)
  })

  return app
}
