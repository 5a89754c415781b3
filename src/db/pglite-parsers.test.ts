import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from './client.ts'
import { withTextTypes } from './pglite-parsers.ts'
import { queryRows } from './sql.ts'

const DATES = `select '2026-12-07 09:30:00+00'::timestamptz as at, '2026-12-07'::date as on_day,
  '1 day'::interval as span, array['2026-12-07'::date] as days, 7::int as n`

describe('PGlite reads the text types as text without per-query parsers', () => {
  let database: Database
  let raw: PGlite
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite' })
    raw = await PGlite.create()
  })
  afterAll(async () => {
    await database.close()
    await raw.close()
  })

  it('gives dates, instants, intervals and date arrays through drizzle as PostgreSQL writes them', async () => {
    const read = async () => (await queryRows(database.db, sql.raw(DATES)))[0]
    const expected = {
      at: '2026-12-07 09:30:00+00',
      on_day: '2026-12-07',
      span: '1 day',
      days: '{2026-12-07}',
      n: 7,
    }
    expect(await read()).toEqual(expected)
    expect(await database.db.transaction(async (tx) => (await queryRows(tx, sql.raw(DATES)))[0])).toEqual(
      expected,
    )
  })

  it("keeps a query's own parsers for other types, in and out of a transaction", async () => {
    const client = withTextTypes(raw)
    const options = { parsers: { 23: (value: string) => `int ${value}` } }
    expect((await client.query<{ n: string }>('select 7::int as n', [], options)).rows).toEqual([
      { n: 'int 7' },
    ])
    const inTx = await client.transaction((tx) => tx.query<{ n: string }>('select 8::int as n', [], options))
    expect(inTx.rows).toEqual([{ n: 'int 8' }])
  })

  it('reads the text types as text on the client, as drizzle asked each query to', async () => {
    const client = withTextTypes(raw)
    const asked = { parsers: { 1184: (value: string) => value, 1082: (value: string) => value } }
    const { rows } = await client.query<{ at: unknown; on_day: unknown }>(DATES, [], asked)
    expect(rows[0]).toMatchObject({ at: '2026-12-07 09:30:00+00', on_day: '2026-12-07' })
  })
})
