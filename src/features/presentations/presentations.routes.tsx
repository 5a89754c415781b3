import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { archiveRoutes } from './archive.routes.tsx'
import { organizationPresentationRoutes } from './organization-presentation.routes.tsx'
import type { SlotOptOut } from './slot-emails.ts'
import { staffPresentationRoutes } from './staff-presentation.routes.tsx'
import { staffPresentationsRoutes } from './staff-presentations.routes.tsx'

/**
 * Presentations: organisations ask for a month, staff plan the year, move slots, mark them given or
 * missed; the archive of those given. Planning or moving a slot emails the seat holders, who may opt
 * out through `slotOptOut`.
 */
export function presentationRoutes(deps: AppDeps, options: { slotOptOut: SlotOptOut }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  organizationPresentationRoutes(app, deps)
  staffPresentationsRoutes(app, deps, options.slotOptOut)
  staffPresentationRoutes(app, deps, options.slotOptOut)
  archiveRoutes(app, deps)
  return app
}
