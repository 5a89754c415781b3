import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { goalRoutes } from './goals.routes.tsx'
import { metricRoutes } from './metrics.routes.tsx'
import { reportRoutes } from './reports.routes.tsx'
import { staffQueueRoutes } from './staff-queue.routes.tsx'

/** Outcome reports and goals: representatives submit and revise, staff verify, return and correct. */
export function outcomeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.route('/', reportRoutes(deps))
  app.route('/', goalRoutes(deps))
  app.route('/', staffQueueRoutes(deps))
  app.route('/', metricRoutes(deps))
  return app
}
