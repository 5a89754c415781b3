import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/features/site/deps.ts'

/** Importing Zoom, Teams and Meet reports for a call: upload, preview, match by hand, commit, undo. */
export function attendanceImportRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
