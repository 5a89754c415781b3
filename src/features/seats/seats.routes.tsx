import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { handOverSeatRoutes } from './hand-over-seat.routes.tsx'
import { organizationStatusRoutes } from './organization-status.routes.tsx'
import { renderSeatsPage, seatManager } from './seat-route-parts.tsx'
import { swapSeatsRoutes } from './swap-seats.routes.tsx'

/**
 * An organisation's seats (staff, or its representative today) and, for staff, its admission
 * status: suspension, reinstatement and withdrawal with a reason and a date.
 */
export function seatRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/organizations/:slug/seats', requirePermission('seats:manage'), async (c) => {
    const { org } = await seatManager(deps, c)
    return renderSeatsPage(deps, c, org, 200, { flashFromQuery: true })
  })
  handOverSeatRoutes(app, deps)
  swapSeatsRoutes(app, deps)
  organizationStatusRoutes(app, deps)

  return app
}
