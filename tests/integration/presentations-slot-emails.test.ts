import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { settings } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { saveChoices } from '../../src/features/reminders/preferences.ts'
import { readUnsubscribeToken } from '../../src/features/reminders/unsubscribe.ts'
import { defaultChrome } from '../../src/ui/site-chrome.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
const network = defaultChrome.name

describe(`presentation slot emails on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let org: TestOrganization
  let representative: TestPerson
  let alternate: TestPerson
  let staff: Session

  /** The emails about the organisation's slot sent since `from`. */
  const slotEmails = (from: number) => sink.messages.slice(from).filter((m) => m.subject.includes(org.name))

  beforeAll(async () => {
    database = await createTestDatabase()
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    org = await createOrganization(database.db, { name: 'Riverbend Works', admittedOn: '2026-01-05' })
    representative = await seatHolder(database.db, org, 'representative', { since: '2026-01-05' })
    alternate = await seatHolder(database.db, org, 'alternate', { since: '2026-01-05' })
    // The alternate turned these emails off; the representative kept the default (on).
    await saveChoices(database.db, alternate.id, { presentation_slot: false })
    await createCall(database.db, '2026-12-03')
    // Staff set presentations to last up to 20 minutes: the email says so.
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values({ key: 'presentationMaxMinutes', value: 20 }),
    )
    const ada = await createPerson(database.db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    staff = new Session(hub.app)
    await signInAs(staff, database.db, hub.auth, { email: ada.email })
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('tells the seat holders who did not opt out that the slot is planned, once, with an unsubscribe link', async () => {
    const before = sink.messages.length
    const res = await staff.post('/staff/presentations/plan', { year: '2026' })
    expect(res.status).toBe(303)
    const emails = slotEmails(before)
    expect(emails.map((m) => m.to)).toEqual([[representative.email.toLowerCase()]])
    expect(sink.messages.slice(before).length).toBe(1)
    const [email] = emails
    expect(email?.subject).toBe(
      `${network}: Riverbend Works presents on the national call of Thursday, December 3, 2026`,
    )
    expect(email?.text).toContain(
      'Staff planned the annual presentation of Riverbend Works on the national call of Thursday, December 3, 2026.',
    )
    expect(email?.text).toContain('It lasts 10 to 20 minutes.')
    expect(email?.text).toContain(
      `You receive this email as the representative of Riverbend Works in the ${network}.`,
    )
    const token = email?.text.match(/\/reminders\/unsubscribe\?token=([\w.-]+)/)?.[1] ?? ''
    expect(readUnsubscribeToken(token, hub.auth.options.secret)).toEqual({
      personId: representative.id,
      kind: 'presentation_slot',
    })
    expect(email?.raw).toMatch(/^List-Unsubscribe:/im)
  })

  it('tells them when staff move the slot, naming both calls', async () => {
    const [slot] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from presentations where organization_id = ${org.id}`,
    )
    await createCall(database.db, '2026-12-10')
    const before = sink.messages.length
    const res = await staff.post(`/staff/presentations/${slot?.id}/move`, { callDate: '2026-12-10' })
    expect(res.status).toBe(303)
    const emails = slotEmails(before)
    expect(emails.map((m) => m.to)).toEqual([[representative.email.toLowerCase()]])
    expect(emails[0]?.subject).toBe(
      `${network}: the presentation of Riverbend Works moved to Thursday, December 10, 2026`,
    )
    expect(emails[0]?.text).toContain(
      'Staff moved the annual presentation of Riverbend Works from the national call of Thursday, December 3, 2026 to the call of Thursday, December 10, 2026.',
    )
  })
})
