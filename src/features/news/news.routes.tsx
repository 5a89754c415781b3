import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { newsFeedRoutes } from './news-feed.routes.ts'
import { newsListRoutes } from './news-list.routes.tsx'
import { newsPostRoutes } from './news-post.routes.tsx'
import { staffNewsRoutes } from './staff-news.routes.tsx'

/** News and press releases: staff write them; the list, archives, each post, and the RSS and Atom feeds. */
export function newsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  // The feeds before /news/:slug, which would otherwise take their names for slugs.
  newsFeedRoutes(app, deps)
  newsListRoutes(app, deps)
  newsPostRoutes(app, deps)
  staffNewsRoutes(app, deps)
  return app
}
