import { eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAccount, personByEmail } from '#src/http/accounts.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { writeAs } from '../../src/db/actor.ts'
import { people } from '../../src/db/schema/index.ts'
import { ensurePasswordAccount } from '../../src/features/auth/passwords.ts'
import { RESPONSE_FLOOR_MS } from '../../src/features/auth/sign-in.ts'
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/features/demo/demo-accounts.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

const PASSWORD = 'correct horse battery'

/** The visible text of a page: no tags, no scripts, spaces collapsed. */

/** The first link in an email that points at the Hub, as a path the test app can request. */
function linkIn(text: string): string {
  const url = text.match(/https?:\/\/[^\s]+/)?.[0]
  if (!url) throw new Error(`no link in: ${text}`)
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

/** A path from a Location header (better-auth answers absolute URLs, ours are paths). */
const pathOf = (location: string | null) => {
  if (!location) return null
  const url = new URL(location, TEST_ORIGIN)
  return `${url.pathname}${url.search}`
}

/** Posts a form as our pages do, from a given socket address, with extra headers. */
function postFrom(
  app: Hono<AppEnv>,
  path: string,
  fields: Record<string, string>,
  options: { ip: string; headers?: Record<string, string> },
) {
  return app.request(
    path,
    {
      method: 'POST',
      body: new URLSearchParams({ _csrf: TEST_CSRF, ...fields }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        Cookie: `hub_csrf=${TEST_CSRF}`,
        ...options.headers,
      },
    },
    { incoming: { socket: { remoteAddress: options.ip } } } as never,
  )
}

describe('signing in and out, passwords and the account page', () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let app: Hono<AppEnv>
  let counter = 0

  /** A new person of our own (so tests that change passwords or addresses share nothing). */
  async function newPerson(options: { password?: string } = {}) {
    counter += 1
    const email = `auth-test-${counter}@example.org`
    const [person] = await writeAs(database.db, 'system', (tx) =>
      tx
        .insert(people)
        .values({ fullName: `Test Person ${counter}`, email })
        .returning(),
    )
    if (!person) throw new Error('no person')
    if (options.password)
      await ensurePasswordAccount(database.db, hub.auth, {
        personId: person.id,
        password: options.password,
        actor: 'system',
      })
    return person
  }

  async function signedIn(email: string, password = PASSWORD): Promise<Session> {
    const session = new Session(app)
    const response = await session.post('/sign-in', { email, password, next: '/account' })
    expect(response.status, `sign in as ${email}`).toBe(303)
    return session
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    app = hub.app
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('shows the sign-in page with a password form, a sign-in link form and the way to reset a password', async () => {
    const response = await app.request('/sign-in?next=%2Fstaff%2Finvitations')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<form method="post" action="/sign-in"')
    expect(html).toContain('<form method="post" action="/sign-in/link"')
    expect(html).toContain('href="/forgot-password"')
    expect(html.match(/<input type="hidden" name="next" value="\/staff\/invitations"/g)).toHaveLength(2)
    expect(html).toMatch(/<label for="email">Email address<\/label>/)
    expect(html).toMatch(/<label for="password">Password<\/label>/)
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[\w-]{20,}"/)
  })

  it('gives every form of a page the token of the cookie it sets, for a browser that has none yet', async () => {
    const signInPage = await app.request('/sign-in')
    const cookies = signInPage.headers.getSetCookie().filter((c) => c.startsWith('hub_csrf='))
    const cookieToken = cookies.at(-1)?.match(/^hub_csrf=([^;]+)/)?.[1]
    const formTokens = [...(await signInPage.text()).matchAll(/name="_csrf" value="([^"]+)"/g)].map(
      (m) => m[1],
    )
    expect(formTokens).toHaveLength(2)
    expect(new Set(formTokens)).toEqual(new Set([cookieToken]))

    // Signed in, the header's sign-out form is on the page too.
    const person = await newPerson({ password: PASSWORD })
    const session = await signedIn(person.email)
    const sessionCookie = session.cookieHeader.split('; ').filter((c) => !c.startsWith('hub_csrf='))
    const account = await app.request('/account', { headers: { Cookie: sessionCookie.join('; ') } })
    expect(account.status).toBe(200)
    const accountCookie = account.headers
      .getSetCookie()
      .filter((c) => c.startsWith('hub_csrf='))
      .at(-1)
      ?.match(/^hub_csrf=([^;]+)/)?.[1]
    const accountTokens = [...(await account.text()).matchAll(/name="_csrf" value="([^"]+)"/g)].map(
      (m) => m[1],
    )
    expect(accountTokens).toHaveLength(3)
    expect(new Set(accountTokens)).toEqual(new Set([accountCookie]))
  })

  it('signs in with a password, setting an HttpOnly SameSite=Lax session cookie, and shows the account', async () => {
    const person = await newPerson({ password: PASSWORD })
    const session = new Session(app)
    const response = await session.post('/sign-in', {
      email: person.email,
      password: PASSWORD,
      next: '/account',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/account')
    const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)

    const account = await session.get('/account')
    expect(account.status).toBe(200)
    expect(account.headers.get('cache-control')).toBe('private, no-store')
    const text = await pageText(account)
    expect(text).toContain(`Name ${person.fullName}`)
    expect(text).toContain(`Email address ${person.email}`)
    expect(text).toContain('No roles on record today.')
  })

  it('marks the session cookie Secure when the Hub is served over https', async () => {
    const person = await newPerson({ password: PASSWORD })
    const origin = 'https://hub.example.org'
    const secureHub = await createTestApp(database, { origin })
    try {
      const response = await secureHub.app.request('/sign-in', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: TEST_CSRF, email: person.email, password: PASSWORD }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: origin,
          Cookie: `hub_csrf=${TEST_CSRF}`,
        },
      })
      expect(response.status).toBe(303)
      const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='))
      expect(cookie).toMatch(/^__Secure-/)
      expect(cookie).toMatch(/; Secure/i)
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
    } finally {
      await secureHub.stop()
    }
  })

  it('answers a wrong password and an unknown address with the same status and the same page', async () => {
    const person = await newPerson({ password: PASSWORD })
    const wrongPassword = await new Session(app).post('/sign-in', {
      email: person.email,
      password: 'not the password at all',
    })
    const unknownEmail = await new Session(app).post('/sign-in', {
      email: 'nobody-here@example.org',
      password: 'not the password at all',
    })
    expect(wrongPassword.status).toBe(400)
    expect(unknownEmail.status).toBe(wrongPassword.status)
    expect(wrongPassword.headers.getSetCookie().some((c) => c.includes('session_token'))).toBe(false)
    const wrongText = await pageText(wrongPassword)
    const unknownText = await pageText(unknownEmail)
    expect(wrongText).toContain('The email or password is not right.')
    // Identical but for the address typed, which both pages keep in the field.
    expect(wrongText.replaceAll(person.email, 'X')).toBe(
      unknownText.replaceAll('nobody-here@example.org', 'X'),
    )
    const html = await (
      await new Session(app).post('/sign-in', { email: person.email, password: 'wrong again, sorry' })
    ).text()
    expect(html).toContain(`value="${person.email}"`)
  })

  it('explains next to the field when the address is not an email address or the password is missing', async () => {
    const response = await new Session(app).post('/sign-in', { email: 'not-an-address', password: '' })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/id="email-error">Enter an email address such as name@example.org.</)
    expect(html).toMatch(/id="password-error">Enter your password.</)
    expect(html).toContain('value="not-an-address"')
    const link = await new Session(app).post('/sign-in/link', { email: 'still not one' })
    expect(link.status).toBe(400)
    expect(await link.text()).toMatch(
      /id="link-email-error">Enter an email address such as name@example.org.</,
    )
  })

  it('takes as long for an unknown address as for a known one (a fixed floor)', async () => {
    // A timer whose clock never moves: every answer must then wait the whole floor.
    const waits: number[] = []
    const timed = await createTestApp(database, {
      responseTimer: { now: () => 0, sleep: async (ms) => waits.push(ms) },
    })
    try {
      const person = await newPerson({ password: PASSWORD })
      for (const email of ['nobody@example.org', person.email]) {
        const response = await new Session(timed.app).post('/sign-in', { email, password: 'x'.repeat(12) })
        expect(response.status).toBe(400)
      }
      await new Session(timed.app).post('/sign-in/link', { email: 'nobody@example.org' })
      await new Session(timed.app).post('/forgot-password', { email: 'nobody@example.org' })
      expect(waits).toEqual([RESPONSE_FLOOR_MS, RESPONSE_FLOOR_MS, RESPONSE_FLOOR_MS, RESPONSE_FLOOR_MS])
    } finally {
      await timed.stop()
    }
  })

  it('emails a sign-in link that signs the browser in once and lands on the page asked for', async () => {
    const person = await newPerson()
    await ensureAccount(database.db, hub.auth, { personId: person.id })
    const session = new Session(app)
    const response = await session.post('/sign-in/link', { email: person.email, next: '/account' })
    expect(response.status).toBe(200)
    expect(await pageText(response)).toContain(
      'If an account exists for that address, we have emailed a sign-in link. It works once, for 15 minutes.',
    )
    const email = await sink.waitFor(person.email)
    expect(email.subject).toBe('Your sign-in link for the American Manufacturing Community Collaborative')
    const link = linkIn(email.text)
    expect(link).toMatch(/^\/api\/auth\/magic-link\/verify\?token=/)

    const followed = await session.get(link)
    expect(followed.status).toBe(302)
    expect(pathOf(followed.headers.get('location'))).toBe('/account')
    const account = await session.get('/account')
    expect(account.status).toBe(200)
    expect(await pageText(account)).toContain(`Name ${person.fullName}`)

    // A second use fails and says so on the sign-in page.
    const again = await new Session(app).get(link)
    expect(again.status).toBe(302)
    const failed = pathOf(again.headers.get('location')) ?? ''
    expect(failed).toMatch(/^\/sign-in\?/)
    expect(await pageText(await new Session(app).get(failed))).toContain(
      'That sign-in link has expired or was already used. Ask for a new one below.',
    )
  })

  it('gives the same answer for an address without an account, and sends no email', async () => {
    const before = sink.messages.length
    const response = await new Session(app).post('/sign-in/link', {
      email: 'stranger@example.org',
      next: '/account',
    })
    expect(response.status).toBe(200)
    expect(await pageText(response)).toContain(
      'If an account exists for that address, we have emailed a sign-in link. It works once, for 15 minutes.',
    )
    // Give a stray email time to arrive before saying none came.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sink.messages.slice(before).filter((m) => m.to.includes('stranger@example.org'))).toEqual([])
  })

  it('refuses the fourth attempt a minute from one address with 429, not from another, whatever header it sends', async () => {
    const limited = await createTestApp(database, { signInPerMinute: 3 })
    try {
      const attempt = (ip: string, headers?: Record<string, string>) =>
        postFrom(
          limited.app,
          '/sign-in',
          { email: 'nobody@example.org', password: 'a wrong password' },
          { ip, headers },
        )
      for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.7')).status).toBe(400)
      const fourth = await attempt('10.0.0.7')
      expect(fourth.status).toBe(429)
      expect(await pageText(fourth)).toContain(
        'Too many attempts from your address. Wait a minute and try again.',
      )
      // A header naming another address does not move the client to another bucket…
      expect((await attempt('10.0.0.7', { 'x-hub-client-ip': '10.9.9.9' })).status).toBe(429)
      // …and another socket address has its own.
      expect((await attempt('10.0.0.8')).status).toBe(400)
      // Nor can a client spend someone else's attempts by naming their address.
      for (let i = 0; i < 3; i++) await attempt('10.0.0.9', { 'x-hub-client-ip': '10.0.0.10' })
      expect((await attempt('10.0.0.10')).status).toBe(400)
      // Asking for sign-in links spends attempts too, whether or not the address has an account.
      const askLink = (email: string) =>
        postFrom(limited.app, '/sign-in/link', { email }, { ip: '10.0.0.11' })
      expect((await askLink('nobody@example.org')).status).toBe(200)
      expect((await askLink('nobody-else@example.org')).status).toBe(200)
      expect((await askLink('staff@example.org')).status).toBe(200)
      const refused = await askLink('nobody@example.org')
      expect(refused.status).toBe(429)
      expect(await pageText(refused)).toContain('Too many attempts from your address.')
    } finally {
      await limited.stop()
    }
  })

  it('signs out: the session ends and the account page asks to sign in again', async () => {
    const person = await newPerson({ password: PASSWORD })
    const session = await signedIn(person.email)
    const cookieBefore = session.cookieHeader
    expect((await session.get('/account')).status).toBe(200)
    const response = await session.post('/sign-out', {})
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
    expect(
      response.headers.getSetCookie().some((c) => /session_token=;/.test(c) && /Max-Age=0/i.test(c)),
    ).toBe(true)
    const after = await session.get('/account')
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/sign-in?next=%2Faccount')
    // The old cookie, replayed, is no longer a session either.
    const replayed = await app.request('/account', { headers: { Cookie: cookieBefore } })
    expect(replayed.headers.get('location')).toBe('/sign-in?next=%2Faccount')
  })

  it('sends an anonymous visitor of /account to sign in, and back to /account afterwards', async () => {
    const person = await newPerson({ password: PASSWORD })
    const session = new Session(app)
    const first = await session.get('/account')
    expect(first.status).toBe(303)
    const signInPath = first.headers.get('location') ?? ''
    expect(signInPath).toBe('/sign-in?next=%2Faccount')
    const form = await (await session.get(signInPath)).text()
    const next = form.match(/name="next" value="([^"]*)"/)?.[1]
    expect(next).toBe('/account')
    const response = await session.post('/sign-in', {
      email: person.email,
      password: PASSWORD,
      next: next ?? '',
    })
    expect(response.headers.get('location')).toBe('/account')
    expect((await session.get('/account')).status).toBe(200)
  })

  it('never sends anyone to another site after signing in', async () => {
    const person = await newPerson({ password: PASSWORD })
    const page = await (await app.request('/sign-in?next=%2F%2Fevil.example')).text()
    expect(page).toContain('name="next" value="/account"')
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/\t/evil.example']) {
      const response = await new Session(app).post('/sign-in', {
        email: person.email,
        password: PASSWORD,
        next,
      })
      expect(response.status, next).toBe(303)
      expect(response.headers.get('location'), next).toBe('/account')
    }
  })

  it('resets a forgotten password by email: the new password works, the old one does not', async () => {
    const person = await newPerson({ password: PASSWORD })
    const session = new Session(app)
    const asked = await session.post('/forgot-password', { email: person.email })
    expect(asked.status).toBe(200)
    expect(await pageText(asked)).toContain('If an account exists for that address, we have emailed a link')
    const unknown = await new Session(app).post('/forgot-password', { email: 'nobody-at-all@example.org' })
    expect(unknown.status).toBe(asked.status)

    const email = await sink.waitFor(person.email)
    expect(email.subject).toBe('Reset your American Manufacturing Community Collaborative password')
    const landing = await session.get(linkIn(email.text))
    expect(landing.status).toBe(302)
    const formPath = pathOf(landing.headers.get('location')) ?? ''
    expect(formPath).toMatch(/^\/reset-password\?token=/)
    const form = await session.get(formPath)
    expect(form.status).toBe(200)
    const token = (await form.text()).match(/name="token" value="([^"]+)"/)?.[1] ?? ''

    const mismatch = await session.post('/reset-password', {
      token,
      newPassword: 'a brand new password',
      confirmPassword: 'another one entirely',
    })
    expect(mismatch.status).toBe(400)
    expect(await pageText(mismatch)).toContain('The two passwords are not the same.')
    const tooShort = await session.post('/reset-password', {
      token,
      newPassword: 'short',
      confirmPassword: 'short',
    })
    expect(await pageText(tooShort)).toContain('The password needs at least 10 characters; this one has 5.')

    const done = await session.post('/reset-password', {
      token,
      newPassword: 'a brand new password',
      confirmPassword: 'a brand new password',
    })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/sign-in?notice=password-reset')
    expect(await pageText(await session.get('/sign-in?notice=password-reset'))).toContain(
      'Your password is changed. Sign in with it.',
    )
    const old = await new Session(app).post('/sign-in', { email: person.email, password: PASSWORD })
    expect(old.status).toBe(400)
    await signedIn(person.email, 'a brand new password')

    // The link worked once.
    const reused = await session.post('/reset-password', {
      token,
      newPassword: 'yet another password',
      confirmPassword: 'yet another password',
    })
    expect(reused.status).toBe(400)
    const reusedText = await pageText(reused)
    expect(reusedText).toContain('The password reset link has expired')
    expect(await (await session.get(linkIn(email.text))).headers.get('location')).toMatch(
      /error=INVALID_TOKEN/,
    )
    expect(reusedText).toContain('Ask for a new link')
  })

  it('changes the email address after confirmation from the old address, and the person record follows', async () => {
    const person = await newPerson({ password: PASSWORD })
    const newEmail = `moved-${person.email}`
    const session = await signedIn(person.email)

    const same = await session.post('/account/email', { newEmail: person.email.toUpperCase() })
    expect(same.status).toBe(400)
    expect(await pageText(same)).toContain('This is already your address.')

    const asked = await session.post('/account/email', { newEmail })
    expect(asked.status).toBe(303)
    const afterAsking = await pageText(await session.get(asked.headers.get('location') ?? ''))
    expect(afterAsking).toContain(`We emailed a confirmation link to ${person.email}`)

    const confirmation = await sink.waitFor(person.email)
    expect(confirmation.subject).toBe(
      'Confirm the change of your American Manufacturing Community Collaborative email address',
    )
    expect(confirmation.text).toContain(newEmail)
    const confirmed = await session.get(linkIn(confirmation.text))
    expect(confirmed.status).toBe(303)
    expect(await pageText(await session.get(confirmed.headers.get('location') ?? ''))).toContain(
      'We have now emailed a link to the new address',
    )

    const verification = await sink.waitFor(newEmail)
    const changed = await session.get(linkIn(verification.text))
    expect(changed.status).toBe(303)
    const account = await pageText(await session.get(changed.headers.get('location') ?? ''))
    expect(account).toContain(`Your email address is now ${newEmail}`)
    expect(account).toContain(`Email address ${newEmail}`)

    const [row] = await database.db.select().from(people).where(eq(people.id, person.id))
    expect(row?.email).toBe(newEmail)
    await signedIn(newEmail)
  })

  it('keeps the person record on the address of the account whenever the account changes', async () => {
    const person = await newPerson({ password: PASSWORD })
    const ctx = await hub.auth.$context
    const userId = (await personByEmail(database.db, person.email))?.userId ?? ''
    await ctx.internalAdapter.updateUser(userId, { email: `elsewhere-${person.email}` })
    const [row] = await database.db.select().from(people).where(eq(people.id, person.id))
    expect(row?.email).toBe(`elsewhere-${person.email}`)
  })

  it('changes the password when the current one is right, and signs out the other sessions', async () => {
    const person = await newPerson({ password: PASSWORD })
    const session = await signedIn(person.email)
    const other = await signedIn(person.email)

    const wrong = await session.post('/account/password', {
      currentPassword: 'not my password',
      newPassword: 'my next password',
      confirmPassword: 'my next password',
    })
    expect(wrong.status).toBe(400)
    expect(await pageText(wrong)).toContain('That is not your current password.')

    const changed = await session.post('/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'my next password',
      confirmPassword: 'my next password',
    })
    expect(changed.status).toBe(303)
    expect(changed.headers.get('location')).toBe('/account?notice=password-changed')
    const page = await session.get('/account?notice=password-changed')
    expect(page.status).toBe(200)
    expect(await pageText(page)).toContain('Your password is changed.')
    expect((await other.get('/account')).status).toBe(303)
    await signedIn(person.email, 'my next password')
  })

  it('gives the demo people password accounts, idempotently, and shows their roles', async () => {
    const accounts = await ensureDemoAccounts(database.db, hub.auth, { today: DEMO_TODAY })
    expect(await ensureDemoAccounts(database.db, hub.auth, { today: DEMO_TODAY })).toEqual(accounts)
    expect(accounts.slice(0, 2)).toEqual([
      { role: 'staff', email: 'staff@example.org' },
      { role: 'Advisory Board', email: 'board@example.org' },
    ])
    expect(accounts.map((a) => a.role.replace(/ of .*/, ''))).toEqual([
      'staff',
      'Advisory Board',
      'representative',
      'alternate',
      'representative',
      // Every other staff and Advisory Board member, so that a board decision needs no other account.
      'staff',
      'Advisory Board',
      'Advisory Board',
    ])
    expect(accounts.slice(5).map((a) => a.email)).toEqual([
      'staff2@example.org',
      'board2@example.org',
      'board3@example.org',
    ])
    expect(accounts[2]?.role).toBe('representative of AMP SoCal')
    expect(accounts[4]?.role).not.toContain('AMP SoCal')

    const staff = await signedIn('staff@example.org', DEMO_PASSWORD)
    const staffText = await pageText(await staff.get('/account'))
    expect(staffText).toContain('Roles Staff')
    expect(staffText).toContain('Robin Castellano')

    const representative = await signedIn(accounts[2]?.email ?? '', DEMO_PASSWORD)
    expect(await pageText(await representative.get('/account'))).toContain(
      'Representative of Advanced Manufacturing Partnership for Southern California',
    )
    const board = await signedIn('board@example.org', DEMO_PASSWORD)
    expect(await pageText(await board.get('/account'))).toContain('Advisory Board member')
  })
})
