import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { grantOpportunities } from '#src/db/schema/index.ts'
import type { Opportunity } from './opportunity.ts'

/** SHA-256 of a version's fields: the same version read again is recognised and left alone. */
export const contentHash = (opportunity: Opportunity): string =>
  createHash('sha256').update(JSON.stringify(opportunity)).digest('hex')

const o = grantOpportunities

/** Each column the update copies from the row being written (every column but the key and the first import). */
const updated = Object.fromEntries(
  Object.entries(grantOpportunities)
    .filter(([, column]) => typeof column === 'object' && column !== null && 'name' in column)
    .filter(([key]) => !['opportunityId', 'firstImportId'].includes(key))
    .map(([key, column]) => [key, sql.raw(`excluded."${(column as { name: string }).name}"`)]),
)

/**
 * Inserts new opportunities and replaces kept ones with a newer version (synopsis after forecast,
 * then Version number, LastUpdatedDate and the extract's day, compared in that order) whose fields
 * differ. Returns how many were added and how many replaced; the rest were unchanged or older.
 */
export async function writeBatch(
  tx: Tx,
  batch: Opportunity[],
  options: { importId: string; extractDate: string },
): Promise<{ added: number; updated: number }> {
  if (batch.length === 0) return { added: 0, updated: 0 }
  const rows = batch.map((opportunity) => ({
    ...opportunity,
    extractDate: options.extractDate,
    contentHash: contentHash(opportunity),
    firstImportId: options.importId,
    lastImportId: options.importId,
  }))
  const written = await tx
    .insert(o)
    .values(rows)
    .onConflictDoUpdate({
      target: o.opportunityId,
      set: updated,
      setWhere: sql`excluded.content_hash <> ${o.contentHash}
        and ((excluded.kind = 'synopsis')::int, excluded.version_number, excluded.last_updated, excluded.extract_date)
          > ((${o.kind} = 'synopsis')::int, ${o.versionNumber}, ${o.lastUpdated}, ${o.extractDate})`,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` })
  const added = written.filter((row) => row.inserted === true || String(row.inserted) === 'true').length
  return { added, updated: written.length - added }
}
