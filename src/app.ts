import { Hono, type MiddlewareHandler } from 'hono'
import { contextStorage } from 'hono/context-storage'
import { secureHeaders } from 'hono/secure-headers'
import { classifyFailure, describe, RETRY_AFTER_SECONDS } from '#src/db/failures.ts'
import { apiTokenRoutes, loadViewer } from '#src/features/access/index.ts'
import { announcementRoutes } from '#src/features/announcements/index.ts'
import { annualReportRoutes } from '#src/features/annual-report/index.ts'
import { applicationsApi, organizationsApi } from '#src/features/api/index.ts'
import { attendanceImportRoutes, rollCallRoutes } from '#src/features/attendance/index.ts'
import { attendanceHistoryRoutes } from '#src/features/attendance-history/index.ts'
import { attendanceQuestionRoutes } from '#src/features/attendance-questions/index.ts'
import { auditRoutes } from '#src/features/audit/index.ts'
import { authPages, invitationRoutes } from '#src/features/auth/index.ts'
import { calendarRoutes, personalFeedRoutes } from '#src/features/calendar/index.ts'
import { callRoutes } from '#src/features/calls/index.ts'
import { outboxRoutes } from '#src/features/email/index.ts'
import { fileRoutes } from '#src/features/files/index.ts'
import { grantRoutes, opportunitiesApi } from '#src/features/grants/index.ts'
import { impactRoutes } from '#src/features/impact/index.ts'
import { libraryRoutes } from '#src/features/library/index.ts'
import { memberDirectoryRoutes } from '#src/features/member-directory/index.ts'
import { applyRoutes, reviewRoutes } from '#src/features/membership/index.ts'
import { myOrganizationRoutes } from '#src/features/my-organization/index.ts'
import { newsRoutes } from '#src/features/news/index.ts'
import { obligationRoutes } from '#src/features/obligations/index.ts'
import {
  organizationEditRoutes,
  organizationPages,
  organizationRegionRoutes,
} from '#src/features/organizations/index.ts'
import { outcomeImportRoutes } from '#src/features/outcome-import/index.ts'
import { outcomeRoutes } from '#src/features/outcomes/index.ts'
import { pageRoutes } from '#src/features/pages/index.ts'
import { peopleRoutes } from '#src/features/people/index.ts'
import { presentationRoutes } from '#src/features/presentations/index.ts'
import { optOutOf, reminderRoutes } from '#src/features/reminders/index.ts'
import { searchRoutes } from '#src/features/search/index.ts'
import { seatRoutes } from '#src/features/seats/index.ts'
import { sharingRoutes } from '#src/features/sharing/index.ts'
import { answerOldAddresses, loadSiteChrome, siteRoutes } from '#src/features/site/index.ts'
import { sitemapRoutes } from '#src/features/sitemap/index.ts'
import { wordpressRoutes } from '#src/features/wordpress/index.ts'
import { limitBodies } from '#src/http/body-limit.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { errorResponse } from '#src/http/errors.ts'
import { authHeaders, refuseCrossSite, requirePermission } from '#src/http/guard.ts'
import { routeBodyLimits } from '#src/http/route-body-limits.ts'
import { isAppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'

/** Builds the Hono app from the feature routers. */
export function createApp(
  deps: AppDeps,
  options: {
    /** Outermost middleware: the server's (keeping visitors' answers whole, src/http/ready-answers.ts). */
    before?: MiddlewareHandler<AppEnv>
  } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  if (options.before) app.use(options.before)
  // Hono hands only Errors to onError, and PGlite can throw plain objects ({ name: 'ErrnoError',
  // errno }): wrap those, keeping the original as the cause that classifyFailure reads.
  app.use(async (_c, next) => {
    try {
      await next()
    } catch (error) {
      throw error instanceof Error ? error : new Error(describe(error), { cause: error })
    }
  })
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      // A route that sets its own (file downloads: a sandboxing CSP) keeps it.
      overwrite: false,
    }),
  )
  // Lets the layout see who is signed in without every view passing it down.
  app.use(contextStorage())
  app.use(loadViewer(deps))
  // The network's name and navigation for the layout, also on the pages of a refused request.
  app.use(loadSiteChrome(deps))
  // Every body is bounded while it streams, before the cross-site check or a route reads it.
  app.use(limitBodies(routeBodyLimits))
  app.use(refuseCrossSite(deps))
  // A write that worked may change what a public page shows: forget the pages this process cached
  // at once (other processes hear of it through the content-version triggers).
  app.use(async (c, next) => {
    await next()
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.res.status < 400) deps.pages.clear()
  })
  // Old addresses (changed slugs, WordPress permalinks) answered with a permanent redirect.
  app.use(answerOldAddresses(deps, (request, env) => app.fetch(request, env)))
  app.route('/', siteRoutes(deps))
  app.route('/', sitemapRoutes(deps))
  app.route('/', newsRoutes(deps))
  app.route('/', libraryRoutes(deps))
  app.route('/', searchRoutes(deps))
  app.route('/', announcementRoutes(deps))
  app.route('/', wordpressRoutes(deps))
  app.route('/', organizationPages(deps))
  app.route('/', organizationEditRoutes(deps))
  app.route('/', organizationRegionRoutes(deps))
  app.route('/', authPages(deps))
  app.route('/', invitationRoutes(deps))
  app.route('/', peopleRoutes(deps))
  app.route('/', outboxRoutes(deps))
  app.route('/', auditRoutes(deps))
  app.route('/', apiTokenRoutes(deps))
  app.route('/', applyRoutes(deps))
  app.route('/', fileRoutes(deps))
  app.route('/', reviewRoutes(deps))
  app.route('/', seatRoutes(deps))
  app.route('/', memberDirectoryRoutes(deps))
  app.route('/', myOrganizationRoutes(deps))
  app.route('/', calendarRoutes(deps))
  app.route('/', personalFeedRoutes(deps))
  const callChangeOptOut = optOutOf(deps.database.db, 'call_changes', {
    origin: deps.origin,
    secret: () => deps.auth.options.secret,
  })
  app.route('/', callRoutes(deps, { changeOptOut: callChangeOptOut }))
  app.route('/', rollCallRoutes(deps))
  app.route('/', attendanceImportRoutes(deps))
  app.route('/', attendanceHistoryRoutes(deps))
  app.route('/', attendanceQuestionRoutes(deps))
  app.route('/', impactRoutes(deps))
  app.route('/', annualReportRoutes(deps))
  app.route('/', outcomeRoutes(deps))
  app.route('/', outcomeImportRoutes(deps))
  app.route('/', grantRoutes(deps))
  app.route('/', obligationRoutes(deps))
  const slotOptOut = optOutOf(deps.database.db, 'presentation_slot', {
    origin: deps.origin,
    secret: () => deps.auth.options.secret,
  })
  app.route('/', presentationRoutes(deps, { slotOptOut }))
  app.route('/', sharingRoutes(deps))
  app.route('/', reminderRoutes(deps))
  app.route('/api/v1', applicationsApi(deps))
  app.route('/api/v1', organizationsApi(deps))
  app.route('/api/v1', opportunitiesApi(deps))
  // The links in emails (magic link, password reset, email change) land on better-auth's own
  // GET endpoints. Forms never post here: our pages call better-auth from the server.
  app.get('/api/auth/*', requirePermission('public'), (c) =>
    deps.auth.handler(new Request(c.req.url, { method: 'GET', headers: authHeaders(c) })),
  )

  // Last: a page's address is any path nothing above answered ('/about/board').
  app.route('/', pageRoutes(deps))

  app.notFound((c) => errorResponse(c, 'NOT_FOUND', 'There is nothing at this address.'))
  app.onError((error, c) => {
    // Known failures (database unreachable, data folder not writable) are named in one place.
    const known = isAppError(error)
      ? error
      : classifyFailure(error, {
          folder: deps.database.kind === 'pglite' ? deps.database.location : undefined,
        })
    if (known) {
      let message = known.userMessage
      if (known.code === 'DATABASE_UNAVAILABLE') {
        c.header('Retry-After', String(RETRY_AFTER_SECONDS))
        logger.warn({ path: c.req.path, cause: describe(error) }, 'database unavailable')
      }
      if (known.code === 'STORAGE_UNAVAILABLE' && !isAppError(error)) {
        // The operator reads the folder in the log; the visitor learns only that saving failed.
        logger.error({ path: c.req.path }, known.userMessage)
        message =
          'The Hub cannot save data just now: its disk is full or read-only. The error has been logged.'
      }
      return errorResponse(c, known.code, message, known.field)
    }
    logger.error({ err: error, path: c.req.path }, 'unexpected error')
    return errorResponse(c, 'INTERNAL', 'The Hub could not answer this request. The error has been logged.')
  })
  return app
}
