import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { htmlText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** Days before the test clock's today (2026-11-26). */
const PAST_DAY = '2024-03-12'
const REASON = 'Bringing in the calls of 2024 from the old spreadsheet'

describe(`past calls added by staff, on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let member: Session

  const callOn = async (date: string) =>
    (
      await queryRows<{ title: string; added_reason: string | null; is_series: boolean }>(
        database.db,
        sql`select title, added_reason, is_series from calls where local_date = ${date}::date`,
      )
    )[0]

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const org = await createOrganization(database.db)
    const holder = await seatHolder(database.db, org, 'representative')
    const staffPerson = await createPerson(database.db, { role: 'staff' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: staffPerson.email })
    member = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: holder.email })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('refuses a past day without a reason, naming the field, and adds nothing', async () => {
    const res = await staff.post('/staff/calls/new', {
      title: 'Spring call',
      date: PAST_DAY,
      startTime: '13:00',
      durationMinutes: '30',
      addedReason: '  ',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(htmlText(html)).toContain(
      'Tuesday, March 12, 2024 is before today: say why the call is added afterwards',
    )
    expect(html).toContain('id="new-addedReason-error"')
    expect(await callOn(PAST_DAY)).toBeUndefined()
  })

  it('adds a past call with its reason, which staff see on the call page and members do not', async () => {
    const res = await staff.post('/staff/calls/new', {
      title: 'Spring call',
      date: PAST_DAY,
      startTime: '13:00',
      durationMinutes: '30',
      addedReason: REASON,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/calls/${PAST_DAY}?done=added`)
    expect(await callOn(PAST_DAY)).toEqual({ title: 'Spring call', added_reason: REASON, is_series: false })
    const staffPage = htmlText(await (await staff.get(`/calls/${PAST_DAY}`)).text())
    expect(staffPage).toContain(`Added afterwards ${REASON}`)
    const memberPage = htmlText(await (await member.get(`/calls/${PAST_DAY}`)).text())
    expect(memberPage).toContain('Spring call')
    expect(memberPage).not.toContain(REASON)
  })
})
