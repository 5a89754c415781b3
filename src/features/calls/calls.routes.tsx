import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/features/site/deps.ts'

/** The calls' pages for members, and staff cancelling, moving and adding calls. */
export function callRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
