import { is, sql } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '#src/db/client.ts'
import * as schema from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError } from '#src/lib/errors.ts'

/**
 * Tables never exported nor counted as content: the content version the database keeps
 * for itself, the copies of the search vectors its triggers keep (decision 027: made again as
 * the rows land), and sign-in state that is only good where it was made (sessions, pending
 * links, rate-limit counters). People sign in again after a move.
 */
const notTransferred = new Set([
  'content_version',
  'search_phrase_vectors',
  'auth_sessions',
  'auth_verifications',
  'auth_rate_limits',
])

/**
 * Tables the migrations fill with defaults (the six outcome metrics, the grant relevance rules): a new database holds them
 * and still counts as empty; an import replaces them with the exported rows.
 */
export const seededByMigrations = new Set(['outcome_metrics', 'grant_relevance_rules'])

export type TransferTable = {
  name: string
  columns: string[]
  primaryKey: string[]
  /** Each column's SQL type, for casting primary-key values back in a paged read. */
  types: Record<string, string>
  /** The bytea columns: exported as chunks of their own, never inside a row's line. */
  binary: string[]
  /**
   * Columns that reference a row of the same table (a page's parent): rows come in primary-key
   * order, so a child may come before its parent; the import sets these after the table's rows.
   */
  selfReferences: string[]
}

/**
 * Every table of the schema that holds the network's data, parents before children
 * (so that inserting in this order satisfies every foreign key). A table a later
 * migration adds to the schema is included without anyone listing it here.
 */
export function transferTables(): TransferTable[] {
  const configs = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table))
    .filter((config) => !notTransferred.has(config.name))
  const byName = new Map(configs.map((c) => [c.name, c]))
  const ordered: TransferTable[] = []
  const visiting = new Set<string>()
  const visit = (name: string) => {
    if (ordered.some((t) => t.name === name) || visiting.has(name)) return
    const config = byName.get(name)
    if (!config) return
    visiting.add(name)
    const selfReferences: string[] = []
    for (const fk of config.foreignKeys) {
      const reference = fk.reference()
      const target = getTableConfig(reference.foreignTable).name
      if (target === name) selfReferences.push(...reference.columns.map((c) => c.name))
      else visit(target)
    }
    visiting.delete(name)
    const primaryKey = [
      ...config.columns.filter((c) => c.primary).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
    ]
    // Generated columns (the search documents) are computed again where the rows land.
    const stored = config.columns.filter((c) => !c.generated)
    const types = Object.fromEntries(stored.map((c) => [c.name, c.getSQLType()]))
    ordered.push({
      name,
      columns: stored.map((c) => c.name),
      primaryKey,
      types,
      binary: config.columns.filter((c) => c.getSQLType() === 'bytea').map((c) => c.name),
      selfReferences,
    })
  }
  for (const name of [...byName.keys()].sort()) visit(name)
  return ordered
}

/** Row counts of every transfer table, in transfer order. */
export async function countRows(db: DbOrTx): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of transferTables()) {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table.name)}`,
    )
    counts[table.name] = rows[0]?.n ?? 0
  }
  return counts
}

/** Row counts of the tables that hold the network's own rows (not the defaults migrations write). */
export async function countContentRows(db: DbOrTx): Promise<Record<string, number>> {
  return Object.fromEntries(
    Object.entries(await countRows(db)).filter(([name]) => !seededByMigrations.has(name)),
  )
}

/** Refuses to go on when any table holds a row; `action` says what was refused. */
export async function assertDatabaseEmpty(db: DbOrTx, action: string): Promise<void> {
  const counts = await countContentRows(db)
  const filled = Object.entries(counts).filter(([, n]) => n > 0)
  if (filled.length > 0) {
    const list = filled.map(([name, n]) => `${name} (${n})`).join(', ')
    throw new AppError('NOT_EMPTY', {
      userMessage: `cannot ${action}: the database is not empty (it has rows in ${list}); use a new, empty database`,
    })
  }
}
