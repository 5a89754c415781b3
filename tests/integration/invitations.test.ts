import { and, eq, sql } from 'drizzle-orm'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAccount, personByEmail } from '#src/http/accounts.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { writeAs } from '../../src/db/actor.ts'
import { auditLog, invitations, people } from '../../src/db/schema/index.ts'
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/features/demo/demo-accounts.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

describe('invitations', () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let app: Hono<AppEnv>
  let staff: Session
  let staffPersonId: string
  let representativeEmail: string

  async function signIn(email: string, password: string): Promise<Session> {
    const session = new Session(app)
    const response = await session.post('/sign-in', { email, password })
    expect(response.status, `sign in as ${email}`).toBe(303)
    return session
  }

  /** Staff invite `email`; returns the path of the link the invitation email carries. */
  async function invite(fullName: string, email: string): Promise<string> {
    const response = await staff.post('/staff/invitations', { fullName, email })
    expect(response.status).toBe(303)
    const message = await sink.waitFor(email)
    const url = message.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)?.[0] ?? ''
    expect(url.startsWith(`${TEST_ORIGIN}/invitations/`)).toBe(true)
    return new URL(url).pathname
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    app = hub.app
    const accounts = await ensureDemoAccounts(database.db, hub.auth, { today: DEMO_TODAY })
    representativeEmail = accounts[2]?.email ?? ''
    staff = await signIn('staff@example.org', DEMO_PASSWORD)
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('lets staff invite a new person, whose link sets a password, signs them in, and works only once', async () => {
    const page = await staff.get('/staff/invitations')
    expect(page.status).toBe(200)
    const form = await page.text()
    expect(form).toMatch(/<label for="full-name">Full name<\/label>/)
    expect(form).toMatch(/<label for="email">Email address<\/label>/)

    const sent = await staff.post('/staff/invitations', {
      fullName: 'Rosa Delgado',
      email: 'rosa.delgado@example.org',
    })
    expect(sent.status).toBe(303)
    const listed = await pageText(await staff.get(sent.headers.get('location') ?? ''))
    expect(listed).toContain('We emailed an invitation to Rosa Delgado at rosa.delgado@example.org.')
    expect(listed).toMatch(
      /Rosa Delgado rosa\.delgado@example\.org \w+ \d+, \d{4} Robin Castellano Pending, until/,
    )

    const email = await sink.waitFor('rosa.delgado@example.org')
    expect(email.subject).toBe('You are invited to the American Manufacturing Community Collaborative')
    expect(email.text).toContain('Robin Castellano invited you')
    const link = new URL(email.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)?.[0] ?? '').pathname

    const visitor = new Session(app)
    const choose = await visitor.get(link)
    expect(choose.status).toBe(200)
    expect(await pageText(choose)).toContain('Choose your password')

    const mismatch = await visitor.post(link, {
      newPassword: 'rosa password one',
      confirmPassword: 'rosa password two',
    })
    expect(mismatch.status).toBe(400)
    expect(await pageText(mismatch)).toContain('The two passwords are not the same.')

    const accepted = await visitor.post(link, {
      newPassword: 'rosa password one',
      confirmPassword: 'rosa password one',
    })
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/account?notice=welcome')
    const account = await visitor.get('/account?notice=welcome')
    expect(account.status).toBe(200)
    const accountText = await pageText(account)
    expect(accountText).toContain(
      'Welcome to the American Manufacturing Community Collaborative, Rosa Delgado.',
    )
    expect(accountText).toContain('Name Rosa Delgado')

    await signIn('rosa.delgado@example.org', 'rosa password one')

    const reusedGet = await new Session(app).get(link)
    expect(reusedGet.status).toBe(410)
    expect(await pageText(reusedGet)).toContain('This invitation link does not work any more')
    const reusedPost = await new Session(app).post(link, {
      newPassword: 'someone else now',
      confirmPassword: 'someone else now',
    })
    expect(reusedPost.status).toBe(410)
    const stillOld = await new Session(app).post('/sign-in', {
      email: 'rosa.delgado@example.org',
      password: 'someone else now',
    })
    expect(stillOld.status).toBe(400)

    expect(await pageText(await staff.get('/staff/invitations'))).toMatch(
      /Rosa Delgado .*Accepted \w+ \d+, \d{4}/,
    )
  })

  it('records the invitation in the audit log against the staff member, without the token hash', async () => {
    await invite('Audit Person', 'audit.person@example.org')
    const person = await personByEmail(database.db, 'audit.person@example.org')
    const [invitation] = await database.db
      .select()
      .from(invitations)
      .where(eq(invitations.personId, person?.id ?? ''))
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'invitations'), eq(auditLog.recordId, invitation?.id ?? '')))
    expect(entries.map((e) => [e.action, e.actor])).toEqual([['insert', `person:${staffPersonId}`]])
    expect(entries[0]?.after).toMatchObject({ person_id: person?.id, invited_by: staffPersonId })
    expect(entries[0]?.after).not.toHaveProperty('token_hash')
    const personEntries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'people'), eq(auditLog.recordId, person?.id ?? '')))
    expect(personEntries.map((e) => [e.action, e.actor])).toEqual([['insert', `person:${staffPersonId}`]])
  })

  it('invites a person already on record, by any case of their address, without a second record', async () => {
    const [demoPerson] = await database.db
      .select()
      .from(people)
      .where(sql`${people.userId} is null and ${people.email} like '%.%@example.org'`)
      .limit(1)
    if (!demoPerson) throw new Error('the demo has people without accounts')
    const link = await invite('A Different Name', demoPerson.email.toUpperCase())
    const same = await database.db
      .select()
      .from(people)
      .where(sql`lower(${people.email}) = ${demoPerson.email}`)
    expect(same.map((p) => p.fullName)).toEqual([demoPerson.fullName])

    const visitor = new Session(app)
    expect(await pageText(await visitor.get(link))).toContain(
      `Welcome to the American Manufacturing Community Collaborative, ${demoPerson.fullName}`,
    )
    const done = await visitor.post(link, {
      newPassword: 'a demo password',
      confirmPassword: 'a demo password',
    })
    expect(done.status).toBe(303)
    await signIn(demoPerson.email, 'a demo password')
  })

  it('never sets a password for an account that signs in only by emailed links, whoever holds the link', async () => {
    const [person] = await writeAs(database.db, 'system', (tx) =>
      tx.insert(people).values({ fullName: 'Link Only', email: 'link.only@example.org' }).returning(),
    )
    await ensureAccount(database.db, hub.auth, { personId: person?.id ?? '' })
    const link = await invite('Link Only', 'link.only@example.org')
    const visitor = new Session(app)
    expect(await pageText(await visitor.get(link))).toContain(
      'you already have an account with the address link.only@example.org',
    )
    const refused = await visitor.post(link, {
      newPassword: 'link only password',
      confirmPassword: 'link only password',
    })
    expect(refused.status).toBe(403)
    const attempt = await new Session(app).post('/sign-in', {
      email: 'link.only@example.org',
      password: 'link only password',
    })
    expect(attempt.status).toBe(400)
  })

  it('never replaces the password of someone who has one: they accept signed in as themselves', async () => {
    const [person] = await writeAs(database.db, 'system', (tx) =>
      tx.insert(people).values({ fullName: 'Has Password', email: 'has.password@example.org' }).returning(),
    )
    await ensureAccount(database.db, hub.auth, { personId: person?.id ?? '', password: 'the old password' })
    const earlier = await signIn('has.password@example.org', 'the old password')
    const link = await invite('Has Password', 'has.password@example.org')
    const taken = await new Session(app).post(link, {
      newPassword: 'the new password',
      confirmPassword: 'the new password',
    })
    expect(taken.status).toBe(403)
    // Nothing changed: the old password signs in, the earlier session stays signed in.
    expect((await earlier.get('/account')).status).toBe(200)
    await signIn('has.password@example.org', 'the old password')
    const accepted = await earlier.post(link, {})
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/account?notice=invitation-accepted')
    expect((await earlier.post(link, {})).status).toBe(410)
  })

  it('explains what is wrong with the invitation form next to each field', async () => {
    const response = await staff.post('/staff/invitations', { fullName: '  ', email: 'not an address' })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/id="full-name-error">Enter the full name, 1 to 200 characters.</)
    expect(html).toMatch(/id="email-error">Enter an email address such as name@example.org.</)
    expect(html).toContain('value="not an address"')
  })

  it('answers an unknown link with 404 and an expired one with 410', async () => {
    const unknown = await new Session(app).get(`/invitations/${'x'.repeat(43)}`)
    expect(unknown.status).toBe(404)
    expect(await pageText(unknown)).toContain('This invitation link is not known')
    expect((await new Session(app).get('/invitations/short')).status).toBe(404)

    const link = await invite('Late Person', 'late.person@example.org')
    const person = await personByEmail(database.db, 'late.person@example.org')
    await writeAs(database.db, 'system', (tx) =>
      tx
        .update(invitations)
        .set({ expiresAt: sql`hub_now() - interval '1 minute'` })
        .where(eq(invitations.personId, person?.id ?? '')),
    )
    expect((await new Session(app).get(link)).status).toBe(410)
    const post = await new Session(app).post(link, {
      newPassword: 'too late now!',
      confirmPassword: 'too late now!',
    })
    expect(post.status).toBe(410)
    expect(await pageText(await staff.get('/staff/invitations'))).toMatch(/Late Person .*Expired/)
  })

  it('refuses the invitation pages to accounts that are not staff, and sends anonymous visitors to sign in', async () => {
    const representative = await signIn(representativeEmail, DEMO_PASSWORD)
    expect((await representative.get('/staff/invitations')).status).toBe(403)
    const post = await representative.post('/staff/invitations', { fullName: 'X', email: 'x@example.org' })
    expect(post.status).toBe(403)

    const anonymous = await new Session(app).get('/staff/invitations')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fstaff%2Finvitations')
  })
})
