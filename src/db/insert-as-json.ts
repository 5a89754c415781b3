import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { DbOrTx } from './client.ts'

/**
 * Inserts `rows` into `table` in one statement whose rows travel as ONE jsonb parameter
 * (`jsonb_to_recordset`), not as a parameter per value: a 100-row insert of a dozen columns as
 * parameters costs the embedded engine more to build, encode and decode than to write. Every row
 * gives the same columns (the others take their defaults and generated values); `undefined` is
 * written as null. Values must be what JSON carries and the column's type reads: text, numbers,
 * booleans, ISO instants as text, arrays of those.
 */
export async function insertAsJson<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return
  const keys = Object.keys(rows[0] as object)
  const given = new Set(keys)
  for (const row of rows)
    if (Object.keys(row).length !== keys.length || !Object.keys(row).every((key) => given.has(key)))
      throw new TypeError(
        `every row inserted into ${getTableName(table)} gives the same columns: ${keys.join(', ')}`,
      )
  const columns = Object.entries(getTableColumns(table))
    .filter(([key]) => given.has(key))
    .map(([key, column]) => ({ key, name: `"${column.name}"`, type: column.getSQLType() }))
  const unknown = keys.filter((key) => !columns.some((c) => c.key === key))
  if (unknown.length > 0)
    throw new TypeError(`${getTableName(table)} has no column ${unknown.join(', ')}: nothing inserted`)
  const records = rows.map((row) =>
    Object.fromEntries(columns.map((c) => [c.key, (row as Record<string, unknown>)[c.key] ?? null])),
  )
  const names = sql.raw(columns.map((c) => c.name).join(', '))
  // The record's fields are the rows' keys, quoted; each is read as its column's type.
  const recordType = sql.raw(columns.map((c) => `"${c.key}" ${c.type}`).join(', '))
  const fields = sql.raw(columns.map((c) => `r."${c.key}"`).join(', '))
  await db.execute(
    sql`insert into ${sql.identifier(getTableName(table))} (${names})
      select ${fields} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${recordType})`,
  )
}
