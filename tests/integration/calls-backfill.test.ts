import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { backfillCallSeries } from '../../src/features/calls/index.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { createCall } from '../support/factories.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** From Sunday 2024-12-01 to the test's today (Thursday 2026-11-26): 104 Mondays. */
const FROM = '2024-12-01'
const MONDAYS = 104
/** The Monday federal holidays of 2025 and 2026 up to November 26 (MLK, Presidents, Memorial, Labor, Columbus days). */
const HOLIDAYS = 10

describe(`hub calls backfill on ${testEngine}`, () => {
  let database: TestDatabase

  const callOn = async (date: string) =>
    (
      await queryRows<{ status: string; cancel_reason: string | null; is_series: boolean }>(
        database.db,
        sql`select status, cancel_reason, is_series from calls where local_date = ${date}::date`,
      )
    )[0]

  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('creates the past Mondays once, holidays cancelled, leaving a day another call takes', async () => {
    await createCall(database.db, '2025-03-03')
    const first = await backfillCallSeries(database.db, { from: FROM, today: DEMO_TODAY })
    expect(first).toEqual({
      from: FROM,
      to: DEMO_TODAY,
      created: MONDAYS - 1,
      existing: 1,
      cancelledHolidays: HOLIDAYS,
    })
    expect(await callOn('2025-09-01')).toEqual({
      status: 'cancelled',
      cancel_reason: 'Federal holiday: Labor Day',
      is_series: true,
    })
    expect(await callOn('2025-09-08')).toEqual({ status: 'scheduled', cancel_reason: null, is_series: true })
    expect((await callOn('2025-03-03'))?.is_series).toBe(false)
    const again = await backfillCallSeries(database.db, { from: FROM, today: DEMO_TODAY })
    expect(again).toEqual({ from: FROM, to: DEMO_TODAY, created: 0, existing: MONDAYS, cancelledHolidays: 0 })
  })

  it('fills in a quarter-century of Mondays in one go', async () => {
    const decades = await backfillCallSeries(database.db, { from: '2000-01-01', today: DEMO_TODAY })
    expect(decades.existing).toBe(MONDAYS)
    expect(decades.created + decades.existing).toBe(1404)
    expect(await callOn('2000-01-03')).toEqual({ status: 'scheduled', cancel_reason: null, is_series: true })
  })
})

describe(`the hub calls backfill command on ${testEngine}`, () => {
  let env: Record<string, string>
  let dropDatabase = async () => {}

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      const server = await createTestDatabase()
      env = { DATABASE_URL: server.url as string, HUB_TODAY: DEMO_TODAY }
      dropDatabase = () => server.drop()
    } else {
      const folder = await migratedDataFolder('hub-backfill-')
      env = { ...folder.env, HUB_TODAY: DEMO_TODAY }
      dropDatabase = folder.drop
    }
  })
  afterAll(async () => {
    await dropDatabase()
  })

  it('prints its counts as JSON, and creates nothing the second time', async () => {
    const first = await runHub(['calls', 'backfill', '--from', FROM, '--json'], env)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual({
      from: FROM,
      to: DEMO_TODAY,
      created: MONDAYS,
      existing: 0,
      cancelledHolidays: HOLIDAYS,
    })
    const second = await runHub(['calls', 'backfill', '--from', FROM], env)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('created: 0')
    expect(second.stdout).toContain(`already there: ${MONDAYS}`)
  }, 180_000)

  it('refuses a missing or malformed --from, or one after today, with status 2', async () => {
    const missing = await runHub(['calls', 'backfill'], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('hub calls backfill needs --from YYYY-MM-DD')
    const malformed = await runHub(['calls', 'backfill', '--from', '03/01/2024'], env)
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('"03/01/2024" is not a date for --from')
    const future = await runHub(['calls', 'backfill', '--from', '2027-01-04'], env)
    expect(future.code).toBe(2)
    expect(future.stderr).toContain('is after today (2026-11-26)')
    const ancient = await runHub(['calls', 'backfill', '--from', '1975-12-29'], env)
    expect(ancient.code).toBe(2)
    expect(ancient.stderr).toContain('more than 50 years back: start on 1976-01-01 or later')
  }, 180_000)
})
