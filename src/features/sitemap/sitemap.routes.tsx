import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet } from '#src/http/respond.ts'
import { listSitemapEntries } from './sitemap-entries.ts'
import { robotsTxt, sitemapXml } from './sitemap-xml.ts'

/**
 * Answers a document that is the same for everyone from the page cache (stale after any write,
 * or when the next scheduled page or post goes out).
 */
async function sendShared(
  c: Context<AppEnv>,
  deps: AppDeps,
  options: { key: string; type: string; render: () => Promise<string> },
): Promise<Response> {
  const page = await deps.pages.get(`${deps.clock.today()}|${options.key}`, options.render, deps.clock.now())
  return c.body(page.body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': options.type,
    ETag: page.etag,
    'Cache-Control': 'no-cache',
    'X-Cache': page.isHit ? 'hit' : 'miss',
  })
}

/** The web's conventions: sitemap.xml of the public site and robots.txt. */
export function sitemapRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/sitemap.xml', requirePermission('public'), conditionalGet, (c) =>
    sendShared(c, deps, {
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
    sendShared(c, deps, {
      key: 'robots.txt',
      type: 'text/plain; charset=utf-8',
      render: async () => robotsTxt(deps.origin),
    }),
  )

  return app
}
