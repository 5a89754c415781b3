import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/features/site/deps.ts'

/** Not built yet: mounted in app.ts so that the feature only has to fill this file. */
export function applyRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
}
