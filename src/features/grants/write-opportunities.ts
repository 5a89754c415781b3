import { createHash } from 'node:crypto'
import { getTableColumns, sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { grantOpportunities } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { Opportunity } from './opportunity.ts'

/** SHA-256 of a version's fields: the same version read again is recognised and left alone. */
export const contentHash = (opportunity: Opportunity): string =>
  createHash('sha256').update(JSON.stringify(opportunity)).digest('hex')

const o = grantOpportunities
const columns = Object.entries(getTableColumns(grantOpportunities)).map(([key, column]) => ({
  key,
  name: column.name,
  type: column.getSQLType(),
}))
const q = (name: string) => `"${name}"`
/** The batch's columns as jsonb_to_recordset reads them, and each column the update copies (all but the key and the first import). */
const recordType = sql.raw(columns.map((c) => `${q(c.name)} ${c.type}`).join(', '))
const columnList = sql.raw(columns.map((c) => q(c.name)).join(', '))
const updates = sql.raw(
  columns
    .filter((c) => !['opportunityId', 'firstImportId'].includes(c.key))
    .map((c) => `${q(c.name)} = excluded.${q(c.name)}`)
    .join(', '),
)

/**
 * Inserts new opportunities and replaces kept ones with a newer version (synopsis after forecast,
 * then Version number, LastUpdatedDate and the extract's day, compared in that order) whose fields
 * differ. The batch goes as one jsonb parameter (jsonb_to_recordset): a 500-row insert of 46
 * columns as parameters costs more to build and encode than to write. Returns how many were added
 * and how many replaced; the rest were unchanged or older.
 */
export async function writeBatch(
  tx: Tx,
  batch: Opportunity[],
  options: { importId: string; extractDate: string },
): Promise<{ added: number; updated: number }> {
  if (batch.length === 0) return { added: 0, updated: 0 }
  const rows = batch.map((opportunity) => {
    const row: Record<string, unknown> = {
      ...opportunity,
      extractDate: options.extractDate,
      contentHash: contentHash(opportunity),
      firstImportId: options.importId,
      lastImportId: options.importId,
    }
    return Object.fromEntries(columns.map((c) => [c.name, row[c.key] ?? null]))
  })
  const written = await queryRows<{ inserted: boolean | string }>(
    tx,
    sql`insert into ${o} (${columnList})
      select ${columnList} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${recordType})
      on conflict (opportunity_id) do update set ${updates}
      where excluded.content_hash <> ${o.contentHash}
        and ((excluded.kind = 'synopsis')::int, excluded.version_number, excluded.last_updated, excluded.extract_date)
          > ((${o.kind} = 'synopsis')::int, ${o.versionNumber}, ${o.lastUpdated}, ${o.extractDate})
      returning (xmax = 0) as inserted`,
  )
  const added = written.filter((row) => row.inserted === true || String(row.inserted) === 'true').length
  return { added, updated: written.length - added }
}
