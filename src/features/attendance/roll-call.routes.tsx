import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/features/site/deps.ts'

/** The roll call of a call: staff tick who was present. */
export function rollCallRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
