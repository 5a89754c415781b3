import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'

/** The annual report: a printable page per year and its PDF. */
export function annualReportRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
