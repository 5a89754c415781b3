import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '#src/lib/dates.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG = 'amp-socal'
const PHISHING_NAME = 'Jane\r\nVisit https://evil.example'
const ONE_LINE = 'must be one line of text, without line breaks or control characters'

describe(`single-line fields refuse line breaks and control characters, on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let t: TestApp
  let representative: Session
  let staff: Session

  const peopleNamed = async (pattern: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from people where full_name like ${pattern}`,
      )
    )[0]?.n
  const mailTo = (address: string) => sink.messages.filter((m) => m.to.includes(address))

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    t = await createTestApp(database, { smtpUrl: sink.url })
    const [holder] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = ${ORG} and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    representative = new Session(t.app)
    await signInAs(representative, database.db, t.auth, { email: holder?.email ?? '' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
  })
  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('refuses a seat handover whose full name carries a line break and a URL, and sends no invitation', async () => {
    const res = await representative.post(`/organizations/${ORG}/seats/handover`, {
      role: 'alternate',
      email: 'jane.phish@example.org',
      fullName: PHISHING_NAME,
      effectiveOn: addDays(DEMO_TODAY, 3),
    })
    expect(res.status).toBe(400)
    expect(await pageText(res)).toContain(`The full name ${ONE_LINE}.`)
    expect(await peopleNamed('Jane%')).toBe(0)
    // Time for a stray email to arrive before saying none came.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(mailTo('jane.phish@example.org')).toEqual([])
  })

  it('refuses the same name in a staff invitation, and sends nothing', async () => {
    const res = await staff.post('/staff/invitations', {
      fullName: PHISHING_NAME,
      email: 'jane.invite@example.org',
    })
    expect(res.status).toBe(400)
    expect(await pageText(res)).toContain(`The full name ${ONE_LINE}.`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(mailTo('jane.invite@example.org')).toEqual([])
  })

  it('refuses it on the apply form, for the name and for the organisation, keeping both out of any email', async () => {
    const res = await new Session(t.app).post('/apply', {
      fullName: PHISHING_NAME,
      email: 'jane.apply@example.org',
      category: 'member',
      organizationName: 'Jane Works\u202eexe.fdp',
    })
    expect(res.status).toBe(400)
    const text = await pageText(res)
    expect(text).toContain(`The full name ${ONE_LINE}.`)
    expect(text).toContain(`The organisation’s name ${ONE_LINE}.`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(mailTo('jane.apply@example.org')).toEqual([])
  })

  it('refuses a call title with a line break, and keeps line breaks in its agenda', async () => {
    const date = '2026-12-14'
    const refused = await staff.post(`/staff/calls/${date}/edit`, {
      title: 'Budget call\nhttps://evil.example',
      agenda: 'First the budget\nthen the vote',
      notes: '',
      recordingUrl: '',
    })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain(`The title ${ONE_LINE}.`)
    const saved = await staff.post(`/staff/calls/${date}/edit`, {
      title: 'Budget call',
      agenda: 'First the budget\r\nthen the vote',
      notes: '',
      recordingUrl: '',
    })
    expect(saved.status).toBe(303)
    const nul = await staff.post(`/staff/calls/${date}/edit`, {
      title: 'Budget call',
      agenda: 'First\u0000the budget',
      notes: '',
      recordingUrl: '',
    })
    expect(nul.status).toBe(400)
    expect(await pageText(nul)).toContain(
      'The agenda must be plain text, without control characters other than line breaks and tabs.',
    )
  })
})
