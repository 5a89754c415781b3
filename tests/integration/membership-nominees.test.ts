import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { applicationEvents, applications, people } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, eventually, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

const representative = { fullName: 'Rosa Delgado', email: 'rosa.nominee@example.org', title: 'Director' }
const alternate = { fullName: 'Amir Haddad', email: 'amir.nominee@example.org', title: 'Program manager' }

describe(`an application's nominees on admission, on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let applicationId: string
  let link: string
  const boards: Session[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    applicationId = await writeAs(database.db, 'system', async (tx) => {
      const [applicant] = await tx
        .insert(people)
        .values({ fullName: 'Nominating Applicant', email: 'nominating.applicant@example.org' })
        .returning({ id: people.id })
      const [app] = await tx
        .insert(applications)
        .values({
          category: 'bff',
          status: 'with_board',
          applicantId: applicant?.id ?? '',
          organizationName: 'Open Nominees Institute',
          states: ['KS'],
          bffKind: 'national_ngo',
          openSourceValue: 'Open tools.',
          nominees: [
            { seat: 'representative', ...representative },
            { seat: 'alternate', ...alternate },
          ],
          commitments: ['attend_half', 'present_yearly', 'share_quarterly'],
          round: 1,
          submittedAt: sql`hub_now() - interval '2 days'`,
        })
        .returning({ id: applications.id })
      await tx
        .insert(applicationEvents)
        .values({ applicationId: app?.id ?? '', kind: 'sent_to_board', round: 1 })
      return app?.id ?? ''
    })
    for (const email of ['board@example.org', 'board2@example.org']) {
      const board = new Session(hub.app)
      await signInAs(board, database.db, hub.auth, { email })
      boards.push(board)
    }
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('seats both nominees from the admission date and emails each an invitation to their seat', async () => {
    for (const board of boards) {
      const voted = await board.post(`/board/applications/${applicationId}/vote`, {
        choice: 'approve',
        comment: '',
      })
      expect(voted.status).toBe(303)
    }
    const held = await queryRows<{ role: string; email: string; starts_on: string; admitted_on: string }>(
      database.db,
      sql`select s.role, p.email, s.starts_on::text, d.admitted_on::text
        from applications a join application_decisions d on d.application_id = a.id
        join seats s on s.organization_id = a.organization_id join people p on p.id = s.person_id
        where a.id = ${applicationId} order by s.role desc`,
    )
    expect(held).toHaveLength(2)
    expect(held.map((h) => [h.role, h.email])).toEqual([
      ['representative', representative.email],
      ['alternate', alternate.email],
    ])
    for (const h of held) expect(h.starts_on).toBe(h.admitted_on)
    const invited = await queryRows<{ email: string; seat_id: string | null }>(
      database.db,
      sql`select p.email, i.seat_id from invitations i join people p on p.id = i.person_id
        where lower(p.email) in (${representative.email}, ${alternate.email})`,
    )
    expect(invited).toHaveLength(2)
    expect(invited.every((i) => i.seat_id !== null)).toBe(true)

    const mailTo = (to: string) => sink.messages.filter((m) => m.to.includes(to))
    await eventually(
      () => mailTo(representative.email).length === 1 && mailTo(alternate.email).length === 1,
      5000,
    )
    const mail = mailTo(alternate.email)[0]
    expect(mail?.subject).toContain('You are invited to be the alternate of Open Nominees Institute')
    expect(mail?.text).toContain('at least half of the weekly calls')
    link = mail?.text.match(/\/invitations\/([\w-]+)/)?.[0] ?? ''
    expect(link).not.toBe('')
  })

  it('shows the seat and its commitments on the invitation, and refuses to accept it unconfirmed', async () => {
    const invitee = new Session(hub.app)
    const page = await pageText(await invitee.get(link))
    expect(page).toContain('Alternate of Open Nominees Institute')
    expect(page).toContain('one presentation a year on a call, of 10 to 15 minutes')
    const password = 'a long enough passphrase 42'
    const refused = await invitee.post(link, { newPassword: password, confirmPassword: password })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain('Confirm the commitments of the seat to accept it')
    const [pending] = await queryRows<{
      accepted_at: string | null
      commitments_confirmed_at: string | null
    }>(
      database.db,
      sql`select i.accepted_at, i.commitments_confirmed_at from invitations i join people p on p.id = i.person_id
        where p.email = ${alternate.email}`,
    )
    expect(pending).toEqual({ accepted_at: null, commitments_confirmed_at: null })
  })

  it('accepts the seat once the commitments are confirmed, and records when', async () => {
    const invitee = new Session(hub.app)
    const password = 'a long enough passphrase 42'
    const accepted = await invitee.post(link, {
      newPassword: password,
      confirmPassword: password,
      confirmCommitments: 'yes',
    })
    expect(accepted.status).toBe(303)
    const [confirmed] = await queryRows<{ confirmed: boolean }>(
      database.db,
      sql`select i.commitments_confirmed_at is not null and i.accepted_at is not null as confirmed
        from invitations i join people p on p.id = i.person_id where p.email = ${alternate.email}`,
    )
    expect(confirmed?.confirmed).toBe(true)
  })
})
