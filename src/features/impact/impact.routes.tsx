import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'

/** The impact feature's public face: the network's verified outcomes, public (/impact). */
export function impactRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
