import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'

/** Staff import a year's outcome figures from a CSV or Excel sheet: preview, commit, undo. */
export function outcomeImportRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  return app
}
