import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { archiveRoutes } from './archive.routes.tsx'
import { organizationPresentationRoutes } from './organization-presentation.routes.tsx'
import { staffPresentationRoutes } from './staff-presentation.routes.tsx'
import { staffPresentationsRoutes } from './staff-presentations.routes.tsx'

/** Presentations: organisations ask for a month, staff plan the year, move slots, mark them given or missed; the archive of those given. */
export function presentationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  organizationPresentationRoutes(app, deps)
  staffPresentationsRoutes(app, deps)
  staffPresentationRoutes(app, deps)
  archiveRoutes(app, deps)
  return app
}
