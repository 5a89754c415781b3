import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { settings } from '../../src/db/schema/index.ts'
import { saveChoices } from '../../src/features/reminders/preferences.ts'
import { readUnsubscribeToken } from '../../src/features/reminders/unsubscribe.ts'
import { parseEmail } from '../../src/lib/mailer.ts'
import { defaultChrome } from '../../src/ui/site-chrome.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  seatHolder,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
const network = defaultChrome.name
const joinUrl = 'https://meet.example.org/national-call'

describe(`the emails about changed calls on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let staff: Session
  /** The seat holders who asked for these emails: the representative of one organisation, the alternate of another. */
  let wanting: TestPerson[]

  const since = (from: number) => sink.messages.slice(from)
  const recipients = (from: number) =>
    since(from)
      .flatMap((m) => m.to)
      .sort()
  const lower = (people: TestPerson[]) => people.map((p) => p.email.toLowerCase()).sort()

  beforeAll(async () => {
    database = await createTestDatabase()
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    const db = database.db
    const riverbend = await createOrganization(db, { name: 'Riverbend Works', admittedOn: '2026-01-05' })
    const lakeside = await createOrganization(db, { name: 'Lakeside Makers', admittedOn: '2026-01-05' })
    const applicantOrg = await createOrganization(db, { name: 'Not Yet Admitted', admittedOn: null })
    const rep = await seatHolder(db, riverbend, 'representative', { since: '2026-01-05' })
    // The default is off: Riverbend's alternate chose nothing, so hears nothing.
    await seatHolder(db, riverbend, 'alternate', { since: '2026-01-05' })
    const alt = await seatHolder(db, lakeside, 'alternate', { since: '2026-01-05' })
    // Asked for them too, but hold no seat on the call's day: a former holder, an unadmitted
    // organisation's, and staff.
    const former = await seatHolder(db, lakeside, 'representative', {
      since: '2026-01-05',
      until: '2026-06-01',
    })
    const unadmitted = await seatHolder(db, applicantOrg, 'representative', { since: '2026-01-05' })
    const ada = await createPerson(db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    for (const person of [rep, alt, former, unadmitted, ada])
      await saveChoices(db, person.id, { call_changes: true })
    wanting = [rep, alt]
    await writeAs(db, 'system', (tx) => tx.insert(settings).values({ key: 'callJoinUrl', value: joinUrl }))
    await createCall(db, '2026-11-30')
    staff = new Session(hub.app)
    await signInAs(staff, db, hub.auth, { email: ada.email })
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('tells the seat holders who asked that a call is cancelled, once each, with an unsubscribe link', async () => {
    const from = sink.messages.length
    const res = await staff.post('/staff/calls/2026-11-30/cancel', { reason: 'Thanksgiving week.' })
    expect(res.status).toBe(303)
    expect(recipients(from)).toEqual(lower(wanting))
    const [rep, alt] = wanting as [TestPerson, TestPerson]
    const email = since(from).find((m) => m.to.includes(rep.email.toLowerCase()))
    expect(email?.subject).toBe(`${network}: the national call of Monday, November 30, 2026 is cancelled`)
    expect(email?.text).toContain(
      `Staff cancelled the national call of the ${network} on Monday, November 30, 2026, 1:00 pm ET. The reason: Thanksgiving week.`,
    )
    expect(email?.text).toContain(
      `You receive this email as the representative of Riverbend Works in the ${network}.`,
    )
    expect(email?.text).not.toContain(joinUrl)
    const token = email?.text.match(/\/reminders\/unsubscribe\?token=([\w.-]+)/)?.[1] ?? ''
    expect(readUnsubscribeToken(token, hub.auth.options.secret)).toEqual({
      personId: rep.id,
      kind: 'call_changes',
    })
    expect(email?.raw).toMatch(/^List-Unsubscribe:/im)
    const other = since(from).find((m) => m.to.includes(alt.email.toLowerCase()))
    expect(other?.text).toContain('as the alternate of Lakeside Makers')

    // A new reason for a call already cancelled is no news.
    const again = sink.messages.length
    await staff.post('/staff/calls/2026-11-30/cancel', { reason: 'Thanksgiving week, again.' })
    expect(since(again)).toEqual([])
  })

  it('tells them when the call is back on, and when it moves, with how to join', async () => {
    let from = sink.messages.length
    expect((await staff.post('/staff/calls/2026-11-30/reinstate', {})).status).toBe(303)
    expect(recipients(from)).toEqual(lower(wanting))
    expect(since(from)[0]?.subject).toBe(
      `${network}: the national call of Monday, November 30, 2026 takes place after all`,
    )
    expect(since(from)[0]?.text).toContain(joinUrl)

    from = sink.messages.length
    const res = await staff.post('/staff/calls/2026-11-30/move', { date: '2026-12-01', startTime: '14:00' })
    expect(res.status).toBe(303)
    expect(recipients(from)).toEqual(lower(wanting))
    const [email] = since(from)
    expect(email?.subject).toBe(
      `${network}: the national call of Monday, November 30, 2026 moved to Tuesday, December 1, 2026, 2:00 pm ET`,
    )
    expect(email?.text).toContain(
      `Staff moved the national call of the ${network} from Monday, November 30, 2026, 1:00 pm ET to Tuesday, December 1, 2026, 2:00 pm ET. It lasts 30 minutes.`,
    )
    expect(email?.text).toMatch(new RegExp(`Join the call:\\r?\\n${joinUrl}`))
    expect(email?.text).toContain(`${TEST_ORIGIN}/calls/2026-12-01`)
  })

  it('tells them of an extra call, and nobody of a past call brought in afterwards', async () => {
    let from = sink.messages.length
    const added = await staff.post('/staff/calls/new', {
      date: '2026-12-10',
      startTime: '11:00',
      durationMinutes: '45',
      title: 'Year-end briefing',
      addedReason: '',
    })
    expect(added.status).toBe(303)
    expect(recipients(from)).toEqual(lower(wanting))
    expect(since(from)[0]?.subject).toBe(
      `${network}: an extra call on Thursday, December 10, 2026, 11:00 am ET`,
    )
    expect(parseEmail(since(from)[0]?.raw ?? '').text).toContain(
      `Staff added the call “Year-end briefing” to the calendar of the ${network}: Thursday, December 10, 2026, 11:00 am ET. It lasts 45 minutes.`,
    )

    from = sink.messages.length
    const past = await staff.post('/staff/calls/new', {
      date: '2026-10-01',
      startTime: '13:00',
      durationMinutes: '30',
      title: 'Founders call',
      addedReason: 'Bringing in the calls of 2026',
    })
    expect(past.status).toBe(303)
    expect(since(from)).toEqual([])
  })

  it('offers the choice on the preferences page, off by default, and stops it from the email’s link', async () => {
    const [rep] = wanting as [TestPerson]
    const newcomer = await createPerson(database.db)
    const session = new Session(hub.app)
    await signInAs(session, database.db, hub.auth, { email: newcomer.email })
    const page = await (await session.get('/account/reminders')).text()
    expect(page).toContain('A national call is cancelled, moved or added')
    expect(page).toContain('When staff cancel a call, move it to another day or time, or add an extra call')
    expect(page).toMatch(/id="reminder-call_changes" name="call_changes" value="on" aria/)

    const from = sink.messages.length
    await staff.post('/staff/calls/2026-12-01/cancel', { reason: 'Moved online.' })
    const email = since(from).find((m) => m.to.includes(rep.email.toLowerCase()))
    const token = email?.text.match(/\/reminders\/unsubscribe\?token=([\w.-]+)/)?.[1] ?? ''
    expect((await new Session(hub.app).post('/reminders/unsubscribe', { token })).status).toBe(303)
    const again = sink.messages.length
    await staff.post('/staff/calls/2026-12-01/reinstate', {})
    expect(recipients(again)).toEqual(lower(wanting.filter((p) => p.id !== rep.id)))
  })
})
