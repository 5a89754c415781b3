import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { calls } from '../../src/db/schema/calls.ts'
import { queryRows } from '../../src/db/sql.ts'
import { icsEvents, unescapeText, validateIcs } from '../../src/features/calendar/ics-validate.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const CALL_DATE = '2026-12-14'
const AGENDA = 'Members only: the draft budget and the vote on dues'
const RECORDING = 'https://recordings.example.org/calls/members-only-7f3a'
const TITLE = 'Budget call'
const REASON = 'The chair is on sick leave'
const FEED_URL = new RegExp(`${TEST_ORIGIN}(/calendar/people/[A-Za-z0-9_-]{43}\\.ics)`)

/** The feed's text with folded lines joined again, so a long value is found whole. */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '')

describe(`which fields of a call each calendar feed carries, on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let callId: string

  /** The private feed of the person with `email`, fetched from its secret address. */
  async function privateFeedOf(email: string): Promise<string> {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    const html = await (await session.post('/account/calendar/feed', {})).text()
    const path = html.match(FEED_URL)?.[1]
    if (!path) throw new Error('no private feed address on the page')
    const res = await t.app.request(path)
    expect(res.status).toBe(200)
    return res.text()
  }
  const eventOf = (ics: string) => icsEvents(ics).find((e) => e.UID?.value === `${callId}@collaborative-hub`)

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    const [call] = await database.db
      .select({ id: calls.id })
      .from(calls)
      .where(eq(calls.localDate, CALL_DATE))
    if (!call) throw new Error(`the demo has no call on ${CALL_DATE}`)
    callId = call.id
    await writeAs(database.db, 'cli', (tx) =>
      tx
        .update(calls)
        .set({ title: TITLE, agenda: AGENDA, recordingUrl: RECORDING })
        .where(eq(calls.id, callId)),
    )
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('shows an anonymous visitor nothing of the call page: it asks them to sign in', async () => {
    const res = await t.app.request(`/calls/${CALL_DATE}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/)
    expect(await res.text()).not.toContain(AGENDA)
  })

  it('gives the public feed the call’s time but not its title, agenda or recording', async () => {
    const text = await (await t.app.request('/calendar/network.ics')).text()
    expect(validateIcs(text)).toEqual([])
    const event = eventOf(text)
    expect(event?.SUMMARY?.value).toBe('National call')
    expect(event?.DTSTART?.value).toBe('20261214T130000')
    expect(event?.DESCRIPTION).toBeUndefined()
    for (const secret of [AGENDA, RECORDING, TITLE, 'members-only-7f3a'])
      expect(unfolded(text)).not.toContain(secret)
  })

  it('gives a representative’s private feed the title, agenda and recording', async () => {
    const [holder] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = 'amp-socal' and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    const text = await privateFeedOf(holder?.email ?? '')
    expect(validateIcs(text)).toEqual([])
    const event = eventOf(text)
    expect(unescapeText(event?.SUMMARY?.value ?? '')).toBe(TITLE)
    expect(unescapeText(event?.DESCRIPTION?.value ?? '')).toBe(
      `Agenda:\n${AGENDA}\n\nRecording: ${RECORDING}`,
    )
  })

  it('gives a cancelled call’s reason to members and only “cancelled” to the public', async () => {
    await writeAs(database.db, 'cli', (tx) =>
      tx.update(calls).set({ status: 'cancelled', cancelReason: REASON }).where(eq(calls.id, callId)),
    )
    const publicText = await (await t.app.request('/calendar/network.ics')).text()
    expect(eventOf(publicText)?.STATUS?.value).toBe('CANCELLED')
    expect(unescapeText(eventOf(publicText)?.DESCRIPTION?.value ?? '')).toBe('This call is cancelled.')
    expect(unfolded(publicText)).not.toContain(REASON)

    const staffText = await privateFeedOf('staff@example.org')
    expect(unescapeText(eventOf(staffText)?.DESCRIPTION?.value ?? '')).toContain(`Cancelled: ${REASON}`)
  })

  it('gives the private feed of an account that is no member only the public fields', async () => {
    await database.db.execute(
      sql`insert into people (full_name, email) values ('Pat Outsider', 'pat.outsider@example.net')`,
    )
    const text = await privateFeedOf('pat.outsider@example.net')
    expect(validateIcs(text)).toEqual([])
    expect(eventOf(text)?.SUMMARY?.value).toBe('National call')
    for (const secret of [AGENDA, RECORDING, TITLE, REASON]) expect(unfolded(text)).not.toContain(secret)
  })
})
