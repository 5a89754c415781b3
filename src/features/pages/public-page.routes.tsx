import { eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import { isLive } from '#src/db/publication.ts'
import { sitePages } from '#src/db/schema/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { visibleTo } from '#src/http/permissions.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import { isSlugPath } from '#src/lib/slug.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { loadPlaces } from './page-places.ts'
import { PublicPage } from './public-page.views.tsx'

const nothingHere = () => notFound('There is nothing at this address.')

/**
 * A page at its path ('/mission-and-purpose', '/about/advisory-board'): any GET nothing else
 * answered. A draft, a page scheduled for later, a members-only page to a visitor, or a page
 * under one of those: passed on, so that the answer is the app's one 404, the same as for no page.
 */
export function publicPageRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  app.get('*', requirePermission('public'), conditionalGet, async (c, next) => {
    const path = c.req.path.length > 1 ? c.req.path.replace(/\/+$/, '') : c.req.path
    // Not a page: on to whatever comes after (a route added later, or the app's one 404).
    if (!isSlugPath(path)) return next()
    const now = deps.clock.now()
    const visible = visibleTo(c.get('viewer'))
    // The tree of addresses is small and kept with the cached pages: an unknown address costs no query.
    const places = await deps.pages.remember('page-places', () => loadPlaces(db), now)
    const place = places.find((p) => p.path === path && !p.systemKey)
    if (!place) return next()
    const chain = [place]
    for (let up = place; up.parentId; ) {
      const parent = places.find((p) => p.id === up.parentId)
      if (!parent) break
      chain.unshift(parent)
      up = parent
    }
    if (!chain.every((p) => isLive(p, now) && visible.includes(p.visibility))) return next()
    if (c.req.path !== path) return c.redirect(path, 301)
    return sendCached(c, deps, {
      key: `page|${path}`,
      type: 'html',
      render: async () => {
        const [page] = await db.select().from(sitePages).where(eq(sitePages.id, place.id))
        if (!page) throw nothingHere()
        const children = places
          .filter((p) => p.parentId === place.id && isLive(p, now) && visible.includes(p.visibility))
          .map((p) => ({ href: p.path, label: p.title }))
        return renderDocument(
          <PublicPage
            title={page.title}
            summary={page.summary}
            bodyMarkdown={page.bodyMarkdown}
            path={path}
            current={chain[0]?.path ?? path}
            trail={chain.slice(0, -1).map((p) => ({ href: p.path, label: p.title }))}
            subpages={children}
            isMembersOnly={page.visibility === 'members'}
          />,
        )
      },
    })
  })
}
