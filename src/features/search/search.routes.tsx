import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canSeeMembersContent } from '#src/http/permissions.ts'
import { PRIVATE_NO_STORE } from '#src/http/render.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { pageCountOf, runSearch, searchCacheKey, searchRequest } from './run-search.ts'
import { searchParamsSchema } from './search.schemas.ts'
import { SEARCH_PAGE_SIZE } from './search.ts'
import { SearchPage } from './search.view.tsx'
import { snippetHtml } from './snippet.ts'

/**
 * Search across the site's content as the viewer may see it: the page (/search) and the JSON API
 * (/api/v1/search). What a visitor or a token sees is the public content, the same for everyone,
 * so it is kept in the page cache by the normalised request; a member's search never is.
 */
export function searchRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/search', requirePermission('public'), conditionalGet, async (c) => {
    const request = searchRequest(searchParamsSchema.parse(c.req.query()))
    const viewer = c.get('viewer')
    // Result pages are for people, not for search engines' indexes.
    c.header('X-Robots-Tag', 'noindex')
    const render = async () => {
      const answer = await runSearch(deps, viewer, request)
      const page = <SearchPage {...request} answer={answer} pageCount={pageCountOf(answer)} />
      return renderDocument(page)
    }
    const key = searchCacheKey('search', request)
    if (viewer.kind === 'anonymous' && key) return sendCached(c, deps, { key, type: 'html', render })
    if (viewer.kind !== 'anonymous') c.header('Cache-Control', PRIVATE_NO_STORE)
    return c.html(await render())
  })

  app.get('/api/v1/search', requirePermission('public'), conditionalGet, async (c) => {
    const request = searchRequest(searchParamsSchema.parse(c.req.query()))
    const viewer = c.get('viewer')
    const render = async () => {
      const answer = await runSearch(deps, viewer, request)
      return JSON.stringify({
        query: request.query.text,
        kind: request.kind ?? null,
        page: request.page,
        pageSize: SEARCH_PAGE_SIZE,
        total: answer.total,
        counts: answer.counts,
        results: answer.results.map((r) => ({
          kind: r.kind,
          title: r.title,
          url: `${deps.origin}${r.path}`,
          snippet: snippetHtml(r.snippet),
          publishedAt: r.publishedOn,
        })),
      })
    }
    // Visitors and tokens see the public content only: one cached answer serves them all.
    const key = searchCacheKey('api-search', request)
    if (!canSeeMembersContent(viewer) && key) return sendCached(c, deps, { key, type: 'json', render })
    c.header('Cache-Control', PRIVATE_NO_STORE)
    return c.body(await render(), 200, { 'Content-Type': 'application/json; charset=utf-8' })
  })

  return app
}
