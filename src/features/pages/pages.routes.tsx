import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { publicPageRoutes } from './public-page.routes.tsx'
import { revisionRoutes } from './revisions.routes.tsx'
import { staffPageRoutes } from './staff-pages.routes.tsx'

/** The site's pages: staff write, preview, revise, schedule and publish them; visitors read them. */
export function pageRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  // The preview's endpoint before '/staff/pages/:id'; the public pages last: any address left.
  revisionRoutes(app, deps)
  staffPageRoutes(app, deps)
  publicPageRoutes(app, deps)
  return app
}
