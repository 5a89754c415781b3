import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { icsEvents, unescapeText, validateIcs } from '../../src/features/calendar/ics-validate.ts'
import { createCall, createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { htmlText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SERIES_LINK = 'https://zoom.example.org/j/series-4242'
const OWN_LINK = 'https://meet.example.org/own-call-77'
const CALL_DATE = '2026-12-14'
const OTHER_DATE = '2026-12-21'
const FEED_URL = new RegExp(`${TEST_ORIGIN}(/calendar/people/[A-Za-z0-9_-]{43}\\.ics)`)

describe(`how members join the calls, on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let member: Session
  let visitor: Session

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const org = await createOrganization(database.db)
    const holder = await seatHolder(database.db, org, 'representative')
    const staffPerson = await createPerson(database.db, { role: 'staff' })
    await createCall(database.db, CALL_DATE)
    await createCall(database.db, OTHER_DATE)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: staffPerson.email })
    member = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: holder.email })
    visitor = new Session(t.app)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('lets staff set the series link and dial-in, refusing a link that is not https', async () => {
    const refused = await staff.post('/staff/calls/joining', {
      joinUrl: 'http://zoom.example.org/j/1',
      dialIn: '',
    })
    expect(refused.status).toBe(400)
    expect(htmlText(await refused.text())).toContain('Enter the join link as an https:// address')
    const saved = await staff.post('/staff/calls/joining', {
      joinUrl: SERIES_LINK,
      dialIn: '+1 555 0100\r\nPasscode 4242',
    })
    expect(saved.status).toBe(303)
    const stored = await queryRows<{ key: string; value: unknown }>(
      database.db,
      sql`select key, value from settings where key in ('callJoinUrl', 'callDialIn') order by key`,
    )
    expect(stored).toEqual([
      { key: 'callDialIn', value: '+1 555 0100\nPasscode 4242' },
      { key: 'callJoinUrl', value: SERIES_LINK },
    ])
  })

  it('shows a member the series link on a call page, and a call’s own link once staff set one', async () => {
    const before = await (await member.get(`/calls/${CALL_DATE}`)).text()
    expect(before).toContain(`href="${SERIES_LINK}"`)
    expect(htmlText(before)).toContain('Passcode 4242')
    const edited = await staff.post(`/staff/calls/${CALL_DATE}/edit`, {
      title: '',
      agenda: '',
      notes: '',
      recordingUrl: '',
      joinUrl: OWN_LINK,
      dialIn: 'No dial-in for this one',
    })
    expect(edited.status).toBe(303)
    const after = await (await member.get(`/calls/${CALL_DATE}`)).text()
    expect(after).toContain(`href="${OWN_LINK}"`)
    expect(after).not.toContain(SERIES_LINK)
    const other = await (await member.get(`/calls/${OTHER_DATE}`)).text()
    expect(other).toContain(`href="${SERIES_LINK}"`)
  })

  it('refuses a join link on one call that is not https, keeping the call as it was', async () => {
    const res = await staff.post(`/staff/calls/${OTHER_DATE}/edit`, {
      title: '',
      agenda: '',
      notes: '',
      recordingUrl: '',
      joinUrl: 'javascript:alert(1)',
      dialIn: '',
    })
    expect(res.status).toBe(400)
    expect(htmlText(await res.text())).toContain('Enter the join link as an https:// address')
    const [row] = await queryRows<{ join_url: string | null }>(
      database.db,
      sql`select join_url from calls where local_date = ${OTHER_DATE}::date`,
    )
    expect(row?.join_url).toBeNull()
  })

  it('puts the link and dial-in in the member’s private feed, as URL and description', async () => {
    const page = await (await member.post('/account/calendar/feed', {})).text()
    const path = page.match(FEED_URL)?.[1] ?? ''
    expect(path).not.toBe('')
    const text = await (await t.app.request(path)).text()
    expect(validateIcs(text)).toEqual([])
    const events = icsEvents(text)
    const own = events.find((e) => e.DTSTART?.value.startsWith(CALL_DATE.replaceAll('-', '')))
    const other = events.find((e) => e.DTSTART?.value.startsWith(OTHER_DATE.replaceAll('-', '')))
    expect(own?.URL?.value).toBe(OWN_LINK)
    expect(unescapeText(own?.DESCRIPTION?.value ?? '')).toContain('Dial-in:\nNo dial-in for this one')
    expect(other?.URL?.value).toBe(SERIES_LINK)
    expect(unescapeText(other?.DESCRIPTION?.value ?? '')).toContain('Passcode 4242')
  })

  it('never gives a visitor the link: the call page asks to sign in, the public feed and home page hold none', async () => {
    const page = await visitor.get(`/calls/${CALL_DATE}`)
    expect(page.status).toBe(303)
    const body = await page.text()
    const feed = (await (await t.app.request('/calendar/network.ics')).text()).replace(/\r\n[ \t]/g, '')
    const home = await (await visitor.get('/')).text()
    for (const text of [body, feed, home]) {
      for (const secret of ['series-4242', 'own-call-77', 'Passcode 4242', 'No dial-in for this one'])
        expect(text).not.toContain(secret)
    }
    expect(feed).toContain('BEGIN:VEVENT')
  })

  it('keeps the series page and its form from a member', async () => {
    expect((await member.get('/staff/calls/joining')).status).toBe(403)
    expect(
      (await member.post('/staff/calls/joining', { joinUrl: 'https://evil.example', dialIn: '' })).status,
    ).toBe(403)
  })
})
