import { sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import { expectedMigrations } from '#src/db/migrate.ts'
import { queryRows } from '#src/db/sql.ts'
import { transferTables } from './tables.ts'

export const EXPORT_FORMAT = 'collaborative-hub-export'
export const EXPORT_VERSION = 1

export type NetworkExport = {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  /** The last migration the exporting database had: an import needs the same. */
  schema: string
  tables: Record<string, Record<string, unknown>[]>
}

/** The last migration this build ships: exports are tied to the schema they came from. */
export const currentSchemaTag = (): string => expectedMigrations().at(-1) ?? 'none'

/**
 * The whole network as one JSON-ready document: every table, rows in primary-key
 * order, times in UTC. It carries no time of export, so exporting the same data
 * twice, from either engine, gives the same bytes.
 */
export async function exportNetwork(db: Db): Promise<NetworkExport> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`)
      const tables: NetworkExport['tables'] = {}
      for (const table of transferTables()) {
        const order = sql.join(
          table.primaryKey.map((c) => sql`t.${sql.identifier(c)}`),
          sql`, `,
        )
        const rows = await queryRows<{ data: string }>(
          tx,
          sql`select coalesce(json_agg(row_to_json(t) order by ${order}), '[]')::text as data from ${sql.identifier(table.name)} t`,
        )
        tables[table.name] = JSON.parse(rows[0]?.data ?? '[]')
      }
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, schema: currentSchemaTag(), tables }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}
