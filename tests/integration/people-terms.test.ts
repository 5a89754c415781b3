import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, boardMembers, staffMembers } from '../../src/db/schema/index.ts'
import { personWithoutEmail } from '../support/announcement-factories.ts'
import { createPerson, type TestPerson } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

describe('staff manage terms and invitations from the person page', () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let ada: TestPerson
  let staff: Session
  let person: TestPerson

  /** Posts a form of the person page; returns the status and the page's text after it. */
  async function send(session: Session, path: string, fields: Record<string, string>) {
    const response = await session.post(path, fields)
    const location = response.headers.get('location')
    const text = location ? await pageText(await session.get(location)) : await pageText(response)
    return { status: response.status, text }
  }

  const termIds = async (personId: string) =>
    (await database.db.select().from(boardMembers).where(eq(boardMembers.personId, personId))).map(
      (t) => t.id,
    )
  const staffTermId = async (personId: string) =>
    (await database.db.select().from(staffMembers).where(eq(staffMembers.personId, personId)))[0]?.id ?? ''

  beforeAll(async () => {
    database = await createTestDatabase()
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    ada = await createPerson(database.db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    staff = new Session(hub.app)
    await signInAs(staff, database.db, hub.auth, { email: ada.email })
    person = await createPerson(database.db, { fullName: 'Bo Newcomer', email: 'bo.newcomer@example.org' })
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('adds an Advisory Board term with dates, refusing disordered, malformed and overlapping dates', async () => {
    const path = `/staff/people/${person.id}/terms`
    const malformed = await send(staff, path, { role: 'board', startsOn: '2026-13-01', endsOn: '' })
    expect(malformed.status).toBe(400)
    expect(malformed.text).toContain('Enter a date such as 2026-12-01 (year, month, day).')
    const disordered = await send(staff, path, {
      role: 'board',
      startsOn: '2027-01-01',
      endsOn: '2026-12-01',
    })
    expect(disordered.status).toBe(409)
    expect(disordered.text).toContain('The end date must be after the start date (January 1, 2027).')
    expect(await termIds(person.id)).toEqual([])

    const added = await send(staff, path, { role: 'board', startsOn: '2025-01-01', endsOn: '' })
    expect(added.status).toBe(303)
    expect(added.text).toContain('The term is added.')
    expect(added.text).toMatch(/January 1, 2025 No end Current/)

    const overlapping = await send(staff, path, {
      role: 'board',
      startsOn: '2026-06-01',
      endsOn: '2027-01-01',
    })
    expect(overlapping.status).toBe(409)
    expect(overlapping.text).toContain(
      'This person already has an Advisory Board term from January 1, 2025, with no end. Terms in one role may not overlap',
    )
    const [termId] = await termIds(person.id)
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'board_members'), eq(auditLog.recordId, termId ?? '')))
    expect(entries.map((e) => [e.action, e.actor])).toEqual([['insert', `person:${ada.id}`]])
  })

  it('ends a term, refusing an end before its start, and the next term may then start', async () => {
    const [termId = ''] = await termIds(person.id)
    const path = `/staff/people/${person.id}/terms/end`
    const early = await send(staff, path, { termId, role: 'board', endsOn: '2024-12-31' })
    expect(early.status).toBe(409)
    expect(early.text).toContain('The end date must be after the start date (January 1, 2025).')
    const ended = await send(staff, path, { termId, role: 'board', endsOn: '2026-12-31' })
    expect(ended.status).toBe(303)
    expect(ended.text).toMatch(/January 1, 2025 December 31, 2026 Current/)
    const next = await send(staff, `/staff/people/${person.id}/terms`, {
      role: 'board',
      startsOn: '2026-12-31',
      endsOn: '',
    })
    expect(next.status).toBe(303)
    expect(next.text).toMatch(/December 31, 2026 No end Coming/)
  })

  it('never leaves the network without staff, and nobody ends their own last staff term', async () => {
    const adaTerm = await pageText(await staff.get(`/staff/people/${ada.id}`))
    expect(adaTerm).toMatch(/January 1, 2020 No end Current/)
    const adaTermId = await staffTermId(ada.id)
    const own = await send(staff, `/staff/people/${ada.id}/terms/end`, {
      termId: adaTermId,
      role: 'staff',
      endsOn: '2026-12-15',
    })
    expect(own.status).toBe(409)
    expect(own.text).toContain('You cannot end your own last staff term: another staff member has to do it.')

    // A colleague joins; she ends Ada's term in December; Ada cannot then end hers after it.
    const cleo = await createPerson(database.db, { fullName: 'Cleo Colleague', role: 'staff' })
    const cleoSession = new Session(hub.app)
    await signInAs(cleoSession, database.db, hub.auth, { email: cleo.email })
    const byColleague = await send(cleoSession, `/staff/people/${ada.id}/terms/end`, {
      termId: adaTermId,
      role: 'staff',
      endsOn: '2026-12-15',
    })
    expect(byColleague.status).toBe(303)
    expect(byColleague.text).toMatch(/January 1, 2020 December 15, 2026 Current/)
    const lastOne = await send(staff, `/staff/people/${cleo.id}/terms/end`, {
      termId: await staffTermId(cleo.id),
      role: 'staff',
      endsOn: '2026-12-20',
    })
    expect(lastOne.status).toBe(409)
    expect(lastOne.text).toContain(
      'Ending this term would leave the network without staff from December 20, 2026: add another staff term first.',
    )
  })

  it('invites, then invites again: the new link works and the old one does not', async () => {
    const first = await send(staff, `/staff/people/${person.id}/invite`, {})
    expect(first.status).toBe(303)
    expect(first.text).toContain('We emailed an invitation with a link to choose a password.')
    expect(first.text).toMatch(
      /Invited on November 26, 2026 by Ada Staff; the link works until December 3, 2026\./,
    )
    const firstEmail = await sink.waitFor(person.email)
    const linkOf = (text: string) =>
      new URL(text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)?.[0] ?? '').pathname
    const firstLink = linkOf(firstEmail.text)
    const sent = sink.messages.length

    const again = await send(staff, `/staff/people/${person.id}/invite`, {})
    expect(again.status).toBe(303)
    expect(again.text).toContain('We emailed a new invitation; the earlier link no longer works.')
    await expect.poll(() => sink.messages.length).toBe(sent + 1)
    const secondLink = linkOf((await sink.waitFor(person.email)).text)
    expect(secondLink).not.toBe(firstLink)
    const visitor = new Session(hub.app)
    expect((await visitor.get(firstLink)).status).toBe(410)
    expect((await visitor.get(secondLink)).status).toBe(200)
  })

  it('refuses to invite someone who has an account or no email address', async () => {
    const hasAccount = await send(staff, `/staff/people/${ada.id}/invite`, {})
    expect(hasAccount.status).toBe(409)
    expect(hasAccount.text).toContain('Ada Staff already has an account and can sign in.')
    const noAddress = await personWithoutEmail(database.db, 'Nico Noaddress')
    const refused = await send(staff, `/staff/people/${noAddress.id}/invite`, {})
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('Nico Noaddress has no email address on record: an invitation needs one.')
  })
})
