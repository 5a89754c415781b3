import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { recipientsOf } from '../../src/features/announcements/audiences.ts'
import { sendAnnouncement } from '../../src/features/announcements/send-announcement.ts'
import { createMailer, type Mailer, parseEmail } from '../../src/lib/mailer.ts'
import { personWithoutEmail } from '../support/announcement-factories.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from '../support/factories.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { type ReceivedEmail, startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** The HTML part of a multipart email, decoded. */
function htmlPartOf(raw: string): string {
  const boundary = raw.match(/boundary="?([^";\r\n]+)"?/i)?.[1] ?? ''
  const part = raw.split(`--${boundary}`).find((p) => /content-type:\s*text\/html/i.test(p))
  return part ? parseEmail(part.replace(/^\r?\n/, '')).text : ''
}

/** The hidden fields of the confirm page's form, as the browser would post them. */
function confirmFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('action="/staff/announcements"'))
  const fields: Record<string, string> = {}
  for (const m of form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g))
    if (m[1] && m[1] !== '_csrf')
      fields[m[1]] = (m[2] ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
  return fields
}

describe(`announcements on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let staff: Session
  let staffPerson: TestPerson
  let memberRep: TestPerson
  let memberAlt: TestPerson
  let bffRep: TestPerson
  let bffAltNoEmail: TestPerson
  let formerRep: TestPerson
  let boardMember: TestPerson

  const inbox = (to: string) => sink.messages.filter((m: ReceivedEmail) => m.to.includes(to.toLowerCase()))
  const announcementRows = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from announcements`))[0]?.n ??
    0

  /** Writes an announcement and opens its confirm page. */
  const preview = (fields: Record<string, string>) => staff.post('/staff/announcements/preview', fields)

  beforeAll(async () => {
    database = await createTestDatabase()
    sink = await startSmtpSink()
    t = await createTestApp(database, { smtpUrl: sink.url })
    const db = database.db
    const member = await createOrganization(db, { name: 'Gulf Coast Makers', category: 'member' })
    const bff = await createOrganization(db, { name: 'Open Supply Institute', category: 'bff' })
    const notAdmitted = await createOrganization(db, { admittedOn: null })
    memberRep = await seatHolder(db, member, 'representative', {
      person: await createPerson(db, { fullName: 'Ada Member' }),
    })
    memberAlt = await seatHolder(db, member, 'alternate', {
      person: await createPerson(db, { fullName: 'Ben Member' }),
    })
    bffRep = await seatHolder(db, bff, 'representative', {
      person: await createPerson(db, { fullName: 'Cleo Bff' }),
    })
    bffAltNoEmail = await seatHolder(db, bff, 'alternate', {
      person: await personWithoutEmail(db, 'Dev Noaddress'),
    })
    formerRep = await seatHolder(db, notAdmitted, 'representative')
    boardMember = await createPerson(db, { role: 'board', fullName: 'Eve Board' })
    staffPerson = await createPerson(db, { role: 'staff', fullName: 'Fay Staff' })
    staff = new Session(t.app)
    await signInAs(staff, db, t.auth, { email: staffPerson.email })
  })
  beforeEach(() => {
    sink.messages.length = 0
  })
  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('shows staff the form with each audience and how many people it holds today; others are refused', async () => {
    const res = await staff.get('/staff/announcements')
    expect(res.status).toBe(200)
    const text = await pageText(res)
    expect(text).toContain('All seat holders (representatives and alternates) (4 people today)')
    expect(text).toContain('Representatives only (2 people today)')
    expect(text).toContain('The Advisory Board (1 person today)')
    expect(text).toContain('BFFs: their representatives and alternates (2 people today)')
    expect(text).toContain('No announcement has been sent yet.')
    const rep = new Session(t.app)
    await signInAs(rep, database.db, t.auth, { email: memberRep.email })
    expect((await rep.get('/staff/announcements')).status).toBe(403)
    expect(
      (await rep.post('/staff/announcements/preview', { subject: 'x', body: 'y', audience: 'staff' })).status,
    ).toBe(403)
  })

  it('refuses an announcement without a subject, a body or an audience, keeping what was typed', async () => {
    const res = await preview({ subject: '', body: 'Kept text', audience: '' })
    expect(res.status).toBe(400)
    const text = await pageText(res)
    expect(text).toContain('Write the subject: it is the first thing people read.')
    expect(text).toContain('Choose who receives the announcement.')
    expect(text).toContain('Kept text')
  })

  it('shows the message and every recipient before sending, and sends nothing until confirmed', async () => {
    const res = await preview({
      subject: 'Call moved',
      body: 'The **call** moves.',
      audience: 'representatives',
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<strong>call</strong>')
    const text = await pageText(new Response(html))
    expect(text).toContain('Representatives only')
    expect(text).toContain(': 2 people today. 2 people will get it by email.')
    expect(text).toContain('Ada Member')
    expect(text).toContain('Cleo Bff')
    expect(text).toContain('Representative, Gulf Coast Makers')
    expect(text).not.toContain('Ben Member')
    expect(text).not.toContain(formerRep.fullName)
    expect(text).toContain('Send to 2 people')
    expect(sink.messages).toHaveLength(0)
    expect(await announcementRows()).toBe(0)
    // "Change the announcement" brings the form back with the text.
    const back = await staff.post('/staff/announcements/edit', confirmFields(html))
    expect(await back.text()).toContain('The **call** moves.')
  })

  it('sends to all seat holders once each, records who received it and who was not reached', async () => {
    const body = 'Dear all,\n\nRead [the briefing](/library/q4) before Monday.\n\n<script>alert(1)</script>'
    const confirm = await (await preview({ subject: 'Q4 briefing', body, audience: 'seat_holders' })).text()
    expect(await pageText(new Response(confirm))).toContain(
      '4 people today. 3 people will get it by email; 1 person with no email address will not be reached.',
    )
    expect(confirm).toContain('No email address: not reached')
    const fields = confirmFields(confirm)
    const sent = await staff.post('/staff/announcements', fields)
    expect(sent.status).toBe(303)
    const location = sent.headers.get('location') ?? ''
    expect(location).toMatch(/^\/staff\/announcements\/[0-9a-f-]{36}\?notice=sent$/)

    for (const person of [memberRep, memberAlt, bffRep]) expect(inbox(person.email)).toHaveLength(1)
    expect(inbox(formerRep.email)).toHaveLength(0)
    expect(inbox(boardMember.email)).toHaveLength(0)
    const email = inbox(memberRep.email)[0] as ReceivedEmail
    expect(email.subject).toBe('Q4 briefing')
    const textPart = parseEmail(email.raw).text
    expect(textPart).toContain('Hello Ada Member,')
    expect(textPart).toContain(`Read [the briefing](${TEST_ORIGIN}/library/q4) before Monday.`)
    const html = htmlPartOf(email.raw)
    expect(html).toContain(`<a href="${TEST_ORIGIN}/library/q4">the briefing</a>`)
    expect(html).not.toContain('<script')

    const page = await pageText(await staff.get(location))
    expect(page).toContain('Sent. It reached 3 of 4 people.')
    expect(page).toContain(`Yes, at ${memberRep.email}`)
    expect(page).toContain('Not reached: no email address')
    const rows = await queryRows<{ full_name: string; email: string }>(
      database.db,
      sql`select p.full_name, r.email from announcement_recipients r join people p on p.id = r.person_id
        order by p.full_name`,
    )
    expect(rows).toEqual([
      { full_name: 'Ada Member', email: memberRep.email },
      { full_name: 'Ben Member', email: memberAlt.email },
      { full_name: 'Cleo Bff', email: bffRep.email },
      { full_name: 'Dev Noaddress', email: '' },
    ])

    // The same confirm page sent again (a double click, the back button) sends nothing more.
    const again = await staff.post('/staff/announcements', fields)
    expect(again.headers.get('location')).toContain('notice=again')
    expect(sink.messages).toHaveLength(3)
    expect(await announcementRows()).toBe(1)
    const list = await pageText(await staff.get('/staff/announcements'))
    expect(list).toContain('Q4 briefing')
    expect(list).toContain('3 of 4')
    expect(list).toContain('Fay Staff')
  })

  it('reaches only the chosen category, the board or staff', async () => {
    const send = async (audience: string, subject: string) => {
      const fields = confirmFields(await (await preview({ subject, body: 'Hello.', audience })).text())
      expect((await staff.post('/staff/announcements', fields)).status).toBe(303)
    }
    await send('category:bff', 'For BFFs')
    await send('board', 'For the board')
    await send('staff', 'For staff')
    const lines = sink.messages.map((m) => `${m.subject} -> ${m.to.join(',')}`).sort()
    expect(lines).toEqual(
      [
        `For BFFs -> ${bffRep.email}`,
        `For staff -> ${staffPerson.email}`,
        `For the board -> ${boardMember.email}`,
      ].sort(),
    )
    expect(bffAltNoEmail.email).toBe('')
  })

  it('sends nothing when the audience changed since the confirm page, and shows the new list', async () => {
    const fields = confirmFields(
      await (await preview({ subject: 'Board', body: 'Hi.', audience: 'board' })).text(),
    )
    const newcomer = await createPerson(database.db, { role: 'board', fullName: 'Gil Newboard' })
    const res = await staff.post('/staff/announcements', fields)
    expect(res.status).toBe(409)
    const text = await pageText(res)
    expect(text).toContain('Nothing was sent: check the new list, then send.')
    expect(text).toContain(newcomer.fullName)
    expect(sink.messages).toHaveLength(0)
  })

  it('records who received it when the mail server fails midway, and sends the rest later once each', async () => {
    const db = database.db
    const smtp = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent', from: 'Hub <hub@example.org>' })
    let calls = 0
    const failing: Mailer = {
      kind: 'smtp',
      send: async (email) => {
        calls++
        if (calls === 2) throw new Error('421 service not available')
        await smtp.send(email)
      },
    }
    const recipients = await recipientsOf(db, 'seat_holders', DEMO_TODAY)
    const ctx = { db, origin: TEST_ORIGIN, network: 'Test Network' }
    const id = '0b5c3a52-6f0e-4c1e-9d4e-2f4b8a1c7e90'
    const outcome = await sendAnnouncement(
      { ...ctx, mailer: failing },
      { id, subject: 'Midway', body: 'Text.', audience: 'seat_holders', recipients, sentBy: staffPerson.id },
    )
    expect(outcome).toMatchObject({ isNew: true, reached: 1, failed: true })
    const recorded = async () =>
      (
        await queryRows<{ email: string }>(
          db,
          sql`select email from announcement_recipients where announcement_id = ${id} and email <> '' order by email`,
        )
      ).map((r) => r.email)
    // What is recorded is exactly who got it: the one email that went.
    expect(await recorded()).toEqual(sink.messages.flatMap((m) => m.to))
    expect(sink.messages).toHaveLength(1)
    const page = await pageText(await staff.get(`/staff/announcements/${id}?notice=stopped`))
    expect(page).toContain('The mail server refused an email, so sending stopped. 1 of 4 people received it')
    expect(page).toContain('Send to the 2 not reached who have an email address')

    const rest = await staff.post(`/staff/announcements/${id}/resend`, {})
    expect(rest.headers.get('location')).toBe(`/staff/announcements/${id}?notice=sent`)
    const everyone = [memberRep, memberAlt, bffRep].map((p) => p.email).sort()
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual(everyone)
    expect(await recorded()).toEqual(everyone)
    // Nothing is left to send: a second resend sends nothing.
    await staff.post(`/staff/announcements/${id}/resend`, {})
    expect(sink.messages).toHaveLength(3)
  })

  it('answers 404 for an announcement that does not exist', async () => {
    expect((await staff.get('/staff/announcements/not-an-id')).status).toBe(404)
    expect(
      (await staff.post('/staff/announcements/0b5c3a52-6f0e-4c1e-9d4e-000000000000/resend', {})).status,
    ).toBe(404)
  })
})
