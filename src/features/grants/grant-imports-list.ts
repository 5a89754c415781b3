import { desc } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { grantImports } from '#src/db/schema/index.ts'

export type GrantImportRow = typeof grantImports.$inferSelect

/** The latest readings of extracts, newest first (the page shows the last 50). */
export const listGrantImports = (db: DbOrTx, limit = 50): Promise<GrantImportRow[]> =>
  db.select().from(grantImports).orderBy(desc(grantImports.startedAt), desc(grantImports.id)).limit(limit)
