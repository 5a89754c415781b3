import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextCall } from '../../src/features/my-organization/my-organization.ts'
import { type Clock, shiftedClock } from '../../src/lib/clock.ts'
import { createCall } from '../support/factories.ts'
import { pageText } from '../support/page-text.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A clock the test moves: it reads `at`. */
let at = new Date('2026-12-07T18:10:00Z')
const movedClock: Clock = shiftedClock(0, 'America/New_York', () => at.getTime())

describe(`the next national call on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  const homeText = async () => pageText(await t.app.request('/'))

  beforeAll(async () => {
    database = await createTestDatabase()
    // Monday 7 December 2026 and the Monday after, 1:00 to 1:30 pm in New York (18:00-18:30 UTC).
    await createCall(database.db, '2026-12-07')
    await createCall(database.db, '2026-12-14')
    t = await createTestApp(database, { clock: movedClock })
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it("is today's call while it is on, and next week's the moment it is over, on the home page", async () => {
    at = new Date('2026-12-07T18:10:00Z')
    expect(await homeText()).toContain('Next national call: December 7, 2026 at 1:00 pm')
    at = new Date('2026-12-07T18:29:59Z')
    expect(await homeText()).toContain('Next national call: December 7, 2026 at 1:00 pm')
    // The page cached during the call is not served once it ends.
    at = new Date('2026-12-07T18:30:00Z')
    const after = await homeText()
    expect(after).toContain('Next national call: December 14, 2026 at 1:00 pm')
    expect(after).not.toContain('December 7, 2026')
  })

  it('is the same call on the member page, with its join details', async () => {
    expect((await nextCall(database.db, new Date('2026-12-07T18:10:00Z')))?.localDate).toBe('2026-12-07')
    expect((await nextCall(database.db, new Date('2026-12-07T18:30:00Z')))?.localDate).toBe('2026-12-14')
    expect(await nextCall(database.db, new Date('2026-12-14T18:30:00Z'))).toBeNull()
  })
})
