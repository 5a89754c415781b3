import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { organizationsApi } from '#src/features/api/organizations.api.ts'
import { organizationPages } from '#src/features/organizations/organizations.routes.tsx'
import type { AppDeps } from '#src/features/site/deps.ts'
import { siteRoutes } from '#src/features/site/site.routes.tsx'
import { isAppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import { renderErrorPage } from '#src/ui/render-error.ts'

/** Builds the Hono app from the feature routers. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
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
    }),
  )
  app.route('/', siteRoutes(deps))
  app.route('/', organizationPages(deps))
  app.route('/api/v1', organizationsApi(deps))

  app.notFound((c) => {
    const message = 'There is nothing at this address.'
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'NOT_FOUND', message } }, 404)
    return renderErrorPage(c, 404, message)
  })
  app.onError((error, c) => {
    const isApi = c.req.path.startsWith('/api/')
    if (isAppError(error)) {
      const status = error.status as 400 | 404 | 409 | 500 | 503
      if (isApi) return c.json({ error: { code: error.code, message: error.userMessage } }, status)
      return renderErrorPage(c, status, error.userMessage)
    }
    logger.error({ err: error, path: c.req.path }, 'unexpected error')
    const message = 'The Hub could not answer this request. The error has been logged.'
    if (isApi) return c.json({ error: { code: 'INTERNAL', message } }, 500)
    return renderErrorPage(c, 500, message)
  })
  return app
}
