import type { Database } from '#src/db/client.ts'
import type { PageCache } from './page-cache.ts'

/** What route handlers get from the process that serves them. */
export type AppDeps = {
  database: Database
  pages: PageCache
  /** Today's date in the network's time zone (YYYY-MM-DD). */
  today: () => string
}
