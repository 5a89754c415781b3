import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'

/** Staff work on funding opportunities: upload an extract (progress on the page), the imports so far, the relevance rules. */
export function staffGrantRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
