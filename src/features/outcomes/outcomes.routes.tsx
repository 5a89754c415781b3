import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'

/** Outcome reports and goals: representatives submit and revise, staff verify, return and correct. */
export function outcomeRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
