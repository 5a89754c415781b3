import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import { listSitemapEntries } from './sitemap-entries.ts'
import { robotsTxt, sitemapXml } from './sitemap-xml.ts'

/** The web's conventions: sitemap.xml of the public site and robots.txt. */
export function sitemapRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/sitemap.xml', requirePermission('public'), conditionalGet, (c) =>
    sendCached(c, deps, {
      key: 'sitemap.xml',
      type: 'application/xml; charset=utf-8',
      render: async () => {
        const { clock } = deps
        const found = await listSitemapEntries(deps.database.db, {
          now: clock.now(),
          today: clock.today(),
          timeZone: clock.timeZone,
        })
        deps.pages.noteScheduledChange(found.nextScheduledAt ?? undefined)
        return sitemapXml(deps.origin, found.entries)
      },
    }),
  )

  app.get('/robots.txt', requirePermission('public'), conditionalGet, (c) =>
    sendCached(c, deps, {
      key: 'robots.txt',
      type: 'text/plain; charset=utf-8',
      render: async () => robotsTxt(deps.origin),
    }),
  )

  return app
}
