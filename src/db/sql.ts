import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from './client.ts'

/**
 * Runs raw SQL and returns its rows, the same way on PGlite and node-postgres.
 * Cast counts and sums to int or float in SQL: the two drivers return int8 differently.
 * @example const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from calls`)
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/** The database's own words for a failed query, without the SQL and parameters drizzle wraps around them. */
export function databaseMessage(error: unknown): string {
  let current: unknown = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  return current instanceof Error ? current.message : String(error)
}
