import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendCallSeries } from '../../src/features/calls/call-series.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { pageText } from '../support/page-text.ts'
import { createTestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

// The calls held are counted from the calendar: the Mondays before the day, less the Monday
// federal holidays (2027: 18 January, 15 February, 31 May), less nothing else in 2027.
describe(`the home page's call figures across a year boundary on ${testEngine}`, () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    // The weekly series runs to the end of next year, as at every start of the Hub.
    await extendCallSeries(database.db, { today: DEMO_TODAY })
  })
  afterAll(async () => {
    await database.drop()
  })

  const homeOn = async (today: string) => {
    const t = await createTestApp(database, { today })
    try {
      return await pageText(await t.app.request('/'))
    } finally {
      await t.stop()
    }
  }

  it('counts the weekly calls held so far in the new year (23 by 30 June 2027)', async () => {
    expect(await homeOn('2027-06-30')).toContain('23 national calls held in 2027')
  })

  it('starts the new year at none held, and the last day of the old one counts its calls', async () => {
    expect(await homeOn('2027-01-04')).toContain('0 national calls held in 2027')
    expect(await homeOn('2027-01-05')).toContain('1 national call held in 2027')
    // 2026: 52 Mondays, five of them federal holidays.
    expect(await homeOn('2026-12-31')).toContain('47 national calls held in 2026')
  })
})
