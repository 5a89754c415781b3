import { Hono } from 'hono'
import { RETRY_AFTER_SECONDS } from '#src/db/failures.ts'
import { migrationState } from '#src/db/migrate.ts'
import { openApiDocument } from '#src/features/api/index.ts'
import { getNetworkFigures } from '#src/features/organizations/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet, hasDemoData, sendCached } from '#src/http/respond.ts'
import { siteCss } from '#src/ui/assets.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { HomePage } from './home.view.tsx'
import { loadHomeText } from './home-text.ts'
import { identityRoutes } from './identity.routes.tsx'

const favicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f6c"/>' +
  '<path d="M7 23V13l6 4v-4l6 4v-4l6 4v6z" fill="#fff"/></svg>'

/** The home page, the network's identity and logo, static assets, the health check and the API description. */
export function siteRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  // The document names the network: built again only when staff rename it.
  let openApi = { name: '', body: '' }

  app.get('/', requirePermission('public'), conditionalGet, (c) =>
    sendCached(c, deps, {
      key: 'home',
      type: 'html',
      render: async () => {
        const figures = await getNetworkFigures(db, deps.clock.today(), deps.clock.now())
        // The next call shown stops being the next when it ends: the cached page goes stale then.
        deps.pages.noteScheduledChange(figures.nextCall?.endsAt)
        const text = await loadHomeText(db)
        return renderDocument(<HomePage figures={figures} hasDemoData={await hasDemoData(db)} text={text} />)
      },
    }),
  )

  app.get('/assets/site.css', requirePermission('public'), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8')
    c.header(
      'Cache-Control',
      c.req.query('v') === siteCss.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    return c.body(siteCss.body)
  })

  app.get('/favicon.svg', requirePermission('public'), (c) => {
    c.header('Content-Type', 'image/svg+xml')
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(favicon)
  })
  app.get('/favicon.ico', requirePermission('public'), (c) => c.redirect('/favicon.svg', 301))

  identityRoutes(app, deps)

  app.get('/api/openapi.json', requirePermission('public'), (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8')
    const { name } = currentChrome()
    if (openApi.name !== name) openApi = { name, body: JSON.stringify(openApiDocument(name)) }
    return c.body(openApi.body)
  })

  app.get('/healthz', requirePermission('public'), async (c) => {
    c.header('Cache-Control', 'no-store')
    try {
      // Throws when the database cannot be reached (migrationState tells "none applied" from "no answer").
      const migrations = await migrationState(deps.database)
      const body = {
        status: migrations.isCurrent ? 'ok' : 'migrations-pending',
        database: { engine: deps.database.kind, reachable: true },
        migrations: { applied: migrations.applied, expected: migrations.expected },
      }
      return c.json(body, migrations.isCurrent ? 200 : 503)
    } catch {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS))
      return c.json(
        { status: 'database-unreachable', database: { engine: deps.database.kind, reachable: false } },
        503,
      )
    }
  })

  return app
}
