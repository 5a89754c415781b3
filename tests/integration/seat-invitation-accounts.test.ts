import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAccount } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { applicationEvents, applications, people } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

/** Already signs in (say, the alternate of another organisation): keeps her password. */
const holder = { fullName: 'Dana Existing', email: 'dana.existing@example.org', title: 'Director' }
const HOLDER_PASSWORD = 'her own long password 77'
/** New to the Hub: chooses a password when accepting. */
const newcomer = { fullName: 'Noor Newcomer', email: 'noor.newcomer@example.org', title: 'Manager' }

describe(`a seat invitation to someone with or without an account, on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  const links: Record<string, string> = {}

  const signIn = async (email: string, password: string) => {
    const session = new Session(hub.app)
    const answer = await session.post('/sign-in', { email, password })
    return { session, status: answer.status }
  }
  const invitationOf = async (email: string) =>
    (
      await queryRows<{ accepted: boolean; confirmed: boolean }>(
        database.db,
        sql`select i.accepted_at is not null as accepted, i.commitments_confirmed_at is not null as confirmed
          from invitations i join people p on p.id = i.person_id where p.email = ${email} and i.seat_id is not null`,
      )
    )[0]

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    const applicationId = await writeAs(database.db, 'system', async (tx) => {
      const [applicant] = await tx
        .insert(people)
        .values({ fullName: 'Account Applicant', email: 'account.applicant@example.org' })
        .returning({ id: people.id })
      const [existing] = await tx.insert(people).values(holder).returning({ id: people.id })
      const [app] = await tx
        .insert(applications)
        .values({
          category: 'bff',
          status: 'with_board',
          applicantId: applicant?.id ?? '',
          organizationName: 'Known Faces Institute',
          states: ['KS'],
          bffKind: 'national_ngo',
          openSourceValue: 'Open tools.',
          nominees: [
            { seat: 'representative', ...holder },
            { seat: 'alternate', ...newcomer },
          ],
          commitments: ['attend_half', 'present_yearly', 'share_quarterly'],
          round: 1,
          submittedAt: sql`hub_now() - interval '2 days'`,
        })
        .returning({ id: applications.id })
      await tx
        .insert(applicationEvents)
        .values({ applicationId: app?.id ?? '', kind: 'sent_to_board', round: 1 })
      return { appId: app?.id ?? '', holderId: existing?.id ?? '' }
    })
    await ensureAccount(database.db, hub.auth, {
      personId: applicationId.holderId,
      password: HOLDER_PASSWORD,
    })
    for (const email of ['board@example.org', 'board2@example.org']) {
      const board = new Session(hub.app)
      await signInAs(board, database.db, hub.auth, { email })
      const voted = await board.post(`/board/applications/${applicationId.appId}/vote`, {
        choice: 'approve',
        comment: '',
      })
      expect(voted.status).toBe(303)
    }
    for (const person of [holder, newcomer]) {
      const mail = await sink.waitFor(person.email)
      links[person.email] = mail.text.match(/\/invitations\/[\w-]+/)?.[0] ?? ''
      expect(links[person.email]).not.toBe('')
    }
  }, 120_000)

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('tells each nominee by email what accepting takes: a new password, or signing in as usual', async () => {
    const toHolder = sink.messages.find((m) => m.to.includes(holder.email))
    expect(toHolder?.text).toContain('Sign in with the address and password you already use')
    expect(toHolder?.text).not.toContain('choose your password')
    const toNewcomer = sink.messages.find((m) => m.to.includes(newcomer.email))
    expect(toNewcomer?.text).toContain('Accept the seat and choose your password here')
  })

  it('asks someone with an account to sign in, and never lets the link set a new password', async () => {
    const link = links[holder.email] ?? ''
    const visitor = new Session(hub.app)
    const page = await visitor.get(link)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('you already have an account with the address dana.existing@example.org')
    expect(html).toContain(`href="/sign-in?next=${encodeURIComponent(link)}"`)
    expect(html).not.toContain('name="newPassword"')
    const tried = await visitor.post(link, {
      newPassword: 'a password from the link',
      confirmPassword: 'a password from the link',
      confirmCommitments: 'yes',
    })
    expect(tried.status).toBe(403)
    expect(await pageText(tried)).toContain('sign in as dana.existing@example.org with your own password')
    expect(await invitationOf(holder.email)).toEqual({ accepted: false, confirmed: false })
    expect((await signIn(holder.email, 'a password from the link')).status).toBe(400)
    // Someone else signed in is told to sign out first, and cannot accept for her.
    const other = new Session(hub.app)
    await signInAs(other, database.db, hub.auth, { email: 'staff@example.org' })
    expect(await pageText(await other.get(link))).toContain('You are signed in as staff@example.org, not')
    expect((await other.post(link, { confirmCommitments: 'yes' })).status).toBe(403)
    expect(await invitationOf(holder.email)).toEqual({ accepted: false, confirmed: false })
  })

  it('lets her accept signed in with her own password, confirming the commitments, password unchanged', async () => {
    const link = links[holder.email] ?? ''
    // The sign-in page brings her back to the invitation.
    const session = new Session(hub.app)
    const signedIn = await session.post('/sign-in', {
      email: holder.email,
      password: HOLDER_PASSWORD,
      next: link,
    })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('location')).toBe(link)
    const page = await pageText(await session.get(link))
    expect(page).toContain('Representative of Known Faces Institute')
    expect(page).toContain('Your password stays as it is.')
    const unconfirmed = await session.post(link, {})
    expect(unconfirmed.status).toBe(400)
    expect(await pageText(unconfirmed)).toContain('Confirm the commitments of the seat to accept it')
    expect(await invitationOf(holder.email)).toEqual({ accepted: false, confirmed: false })
    const accepted = await session.post(link, { confirmCommitments: 'yes' })
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/account?notice=invitation-accepted')
    expect(await pageText(await session.get('/account?notice=invitation-accepted'))).toContain(
      'The invitation is accepted. Your password is unchanged',
    )
    expect(await invitationOf(holder.email)).toEqual({ accepted: true, confirmed: true })
    expect((await session.get('/account')).status).toBe(200)
    expect((await signIn(holder.email, HOLDER_PASSWORD)).status).toBe(303)
    expect((await session.get(link)).status).toBe(410)
  })

  it('lets a nominee new to the Hub choose a password when accepting, and signs them in', async () => {
    const link = links[newcomer.email] ?? ''
    const visitor = new Session(hub.app)
    expect(await (await visitor.get(link)).text()).toContain('name="newPassword"')
    const password = 'a brand new passphrase 42'
    const accepted = await visitor.post(link, {
      newPassword: password,
      confirmPassword: password,
      confirmCommitments: 'yes',
    })
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/account?notice=welcome')
    expect(await invitationOf(newcomer.email)).toEqual({ accepted: true, confirmed: true })
    expect((await signIn(newcomer.email, password)).status).toBe(303)
  })
})
