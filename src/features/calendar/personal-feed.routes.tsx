import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/features/site/deps.ts'

/** A person's private calendar feed (secret, revocable URL) and the page that manages it. */
export function personalFeedRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
