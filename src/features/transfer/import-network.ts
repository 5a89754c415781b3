import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#src/db/client.ts'
import { databaseMessage } from '#src/db/sql.ts'
import { AppError } from '#src/lib/errors.ts'
import { currentSchemaTag, EXPORT_FORMAT, EXPORT_VERSION } from './export-network.ts'
import { assertDatabaseEmpty, transferTables } from './tables.ts'

const documentSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `"format" must be "${EXPORT_FORMAT}"` }),
  version: z.literal(EXPORT_VERSION, { error: `"version" must be ${EXPORT_VERSION}` }),
  schema: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
})

const CHUNK = 2000

/**
 * Loads an export into an empty database in one transaction: all of it or, on
 * any error, none of it. Refuses a document from another schema version, a
 * table or column this schema does not have, and a database that holds data.
 */
export async function importNetwork(db: Db, input: unknown): Promise<Record<string, number>> {
  const parsed = documentSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('BAD_INPUT', {
      userMessage: `not a Collaborative Hub export: ${issue?.path.join('.') || 'document'}: ${issue?.message}`,
    })
  }
  const doc = parsed.data
  if (doc.schema !== currentSchemaTag())
    throw new AppError('SCHEMA_MISMATCH', {
      userMessage: `the export was made with schema ${doc.schema} but this Hub has ${currentSchemaTag()}: export again from a Hub of the same version`,
    })
  const tables = transferTables()
  const known = new Set(tables.map((t) => t.name))
  const unknown = Object.keys(doc.tables).filter((name) => !known.has(name))
  if (unknown.length > 0)
    throw new AppError('BAD_INPUT', {
      userMessage: `the export has tables this Hub does not know: ${unknown.join(', ')}`,
    })
  for (const table of tables) {
    const columns = new Set(table.columns)
    for (const [index, row] of (doc.tables[table.name] ?? []).entries()) {
      const extra = Object.keys(row).filter((key) => !columns.has(key))
      if (extra.length > 0)
        throw new AppError('BAD_INPUT', {
          userMessage: `${table.name} row ${index + 1} has columns this Hub does not know: ${extra.join(', ')}`,
        })
    }
  }

  return db.transaction(async (tx) => {
    await assertDatabaseEmpty(tx, 'import')
    await tx.execute(sql`set local time zone 'UTC'`)
    // The rows keep the audit trail they came with; importing them is not a new write.
    await tx.execute(sql`select set_config('hub.audit_off', 'on', true)`)
    const counts: Record<string, number> = {}
    for (const table of tables) {
      const rows = doc.tables[table.name] ?? []
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = JSON.stringify(rows.slice(i, i + CHUNK))
        const name = sql.identifier(table.name)
        try {
          await tx.execute(
            sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${chunk}::json)`,
          )
        } catch (error) {
          throw new AppError('BAD_INPUT', {
            userMessage: `cannot import ${table.name}: ${databaseMessage(error)}; nothing was imported`,
            cause: error,
          })
        }
      }
      counts[table.name] = rows.length
    }
    return counts
  })
}
