import { createHash } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import pg from 'pg'
import type { Tx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'

const dialect = new PgDialect()

/**
 * A value as an SQL literal for EXECUTE, which takes no bound parameters: text quoted by the
 * driver's own escaping (quotes doubled, and backslashes in an E'' literal), numbers as written.
 */
function literal(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string') return pg.escapeLiteral(value)
  throw new TypeError(`a search statement's value must be text or a finite number, not ${String(value)}`)
}

/**
 * Runs `statement` (inside the transaction `tx`) as a prepared statement of the connection, planned
 * once and reused: planning the search statement costs more than running it on a selective query
 * (5-20 ms on PGlite). The name is the hash of the SQL text, so each shape of the statement (kind
 * filter, the viewer's visibilities, a typed prefix or not) is prepared once per connection, on
 * whichever connection of the pool the transaction got; the values go with each run (as quoted
 * literals: EXECUTE takes no bound parameters, and the SQL text never holds user text). The plan
 * is generic (`plan_cache_mode`): it never depends on the values, so it is made on the first run.
 * The transaction also turns JIT off (`settings`, `set_config` names and values), in the same
 * round trip that asks whether the connection has the statement already.
 */
export async function runPrepared<T>(tx: Tx, statement: SQL, settings: Record<string, string>): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement)
  const name = `hub_search_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`
  const set = Object.entries({ ...settings, plan_cache_mode: 'force_generic_plan' }).map(
    ([setting, value]) => sql`set_config(${setting}, ${value}, true)`,
  )
  const [state] = await queryRows<{ is_prepared: boolean }>(
    tx,
    sql`select ${sql.join(set, sql`, `)}, exists (select from pg_prepared_statements
      where name = ${name}) as is_prepared`,
  )
  if (!state?.is_prepared) await tx.execute(sql.raw(`prepare ${name} as ${text}`))
  const values = params.length > 0 ? ` (${params.map(literal).join(', ')})` : ''
  return queryRows<T>(tx, sql.raw(`execute ${name}${values}`))
}
