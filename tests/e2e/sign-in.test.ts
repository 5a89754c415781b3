import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAuth } from '#src/http/auth.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { loadConfig } from '../../src/config.ts'
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/features/demo/demo-accounts.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { type RunningHub, startHub } from '../../src/server.ts'
import { checkAccessibility, launchBrowser, screenshot } from '../support/browser.ts'
import { DEMO_TODAY, testClock } from '../support/fixtures.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

describe('signing in with a browser', () => {
  let database: TestDatabase
  let sink: Sink
  let dataDir: string
  let hub: RunningHub
  let browser: Browser
  let base: string
  let demoAccounts: { role: string; email: string }[]
  const said: string[] = []
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-e2e-sign-in-'))
    // startHub does this itself on PGlite only; on a PostgreSQL server the test gives the accounts.
    const auth = createAuth({
      db: database.db,
      baseUrl: 'http://127.0.0.1',
      secret: 'e2e-secret-that-is-long-enough-for-better-auth',
      mailer: createMailer({ outboxDir: path.join(dataDir, 'outbox'), from: 'Hub <hub@example.org>' }),
    })
    demoAccounts = await ensureDemoAccounts(database.db, auth, { today: DEMO_TODAY })
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SMTP_URL: sink.url,
      DATA_DIR: dataDir,
    })
    hub = await startHub(config, { database, clock: testClock(), say: (line) => said.push(line) })
    base = hub.url
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await hub?.close()
    await sink?.stop()
    await database?.drop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
    const errors = pageErrors.splice(0)
    expect(errors, 'the page logged errors').toEqual([])
  })

  /** A page in a fresh browser context (no cookies), with the CSP bypassed so axe can run. */
  async function openPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, viewport })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${message.location().url}: ${message.text()}`)
    })
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
    return page
  }

  async function expectAccessible(page: Page) {
    const violations = await checkAccessibility(page)
    expect(violations.join('\n\n'), `axe on ${page.url()}`).toBe('')
  }

  const header = (page: Page) => page.getByRole('navigation', { name: 'Main' })

  /**
   * Signs in by an emailed link. (The hub allows 5 password sign-ins a minute from one
   * address, and every browser here is 127.0.0.1: the password journeys keep to that.)
   */
  async function signInWithLink(page: Page, email: string) {
    const before = sink.messages.length
    await page.goto(`${base}/sign-in`)
    const form = page.getByRole('form', { name: 'Email me a sign-in link' })
    await form.getByLabel('Email address').fill(email)
    await Promise.all([
      page.waitForURL(`${base}/sign-in/link`),
      form.getByRole('button', { name: 'Email me a sign-in link' }).click(),
    ])
    await expect.poll(() => sink.messages.slice(before).some((m) => m.to.includes(email))).toBe(true)
    const message = sink.messages.slice(before).find((m) => m.to.includes(email))
    await page.goto(message?.text.match(/https?:\/\/\S+/)?.[0] ?? '')
    expect(page.url()).toBe(`${base}/account`)
  }

  it('tells who started it how to sign in to the demo, on the embedded database only', () => {
    const lines = said.filter((line) => line.startsWith('Demo sign-in') || line.startsWith('Sign in at'))
    if (database.kind === 'pglite') {
      expect(lines).toEqual([
        `Demo sign-in (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => `${a.email} (${a.role})`).join(', ')}`,
        `Sign in at ${base}/sign-in`,
      ])
      expect(lines[0]).toContain('staff@example.org (staff), board@example.org (Advisory Board)')
    } else {
      expect(lines).toEqual([])
    }
  })

  it('signs in with a password, shows the name in the header, and signs out', async () => {
    const page = await openPage()
    await page.goto(`${base}/account`)
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?next=%2Faccount')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in')
    await expectAccessible(page)
    await screenshot(page, 'sign-in')

    const form = page.getByRole('form', { name: 'With your password' })
    await form.getByLabel('Email address').fill('staff@example.org')
    await form.getByLabel('Password').fill(DEMO_PASSWORD)
    await Promise.all([
      page.waitForURL(`${base}/account`),
      form.getByRole('button', { name: 'Sign in' }).click(),
    ])

    expect(await header(page).getByRole('link', { name: 'Robin Castellano' }).getAttribute('href')).toBe(
      '/account',
    )
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account')
    expect(await page.locator('.facts dt:text-is("Roles") + dd').textContent()).toBe('Staff')
    await expectAccessible(page)
    await screenshot(page, 'account-staff')

    await Promise.all([
      page.waitForURL(`${base}/`),
      header(page).getByRole('button', { name: 'Sign out' }).click(),
    ])
    expect(await header(page).getByRole('link', { name: 'Sign in' }).count()).toBe(1)
    expect(await header(page).getByText('Robin Castellano').count()).toBe(0)
    const response = await page.goto(`${base}/account`)
    expect(response?.url()).toBe(`${base}/sign-in?next=%2Faccount`)
  })

  it('says the same thing, keeping the address, for a wrong password', async () => {
    const page = await openPage()
    await page.goto(`${base}/sign-in`)
    const form = page.getByRole('form', { name: 'With your password' })
    await form.getByLabel('Email address').fill('staff@example.org')
    await form.getByLabel('Password').fill('not the demo password')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${base}/sign-in` && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Sign in' }).click(),
    ])
    expect(response.status()).toBe(400)
    // Chromium reports the 400 answer itself as a console error: expected here, nothing else.
    await page.waitForLoadState()
    expect(pageErrors.splice(0).filter((e) => !/status of 400/.test(e))).toEqual([])
    expect(await page.getByRole('alert').textContent()).toBe('The email or password is not right.')
    expect(await form.getByLabel('Email address').inputValue()).toBe('staff@example.org')
    await expectAccessible(page)
    await screenshot(page, 'sign-in-wrong-password')
  })

  it('signs in with a link read from the email', async () => {
    const page = await openPage()
    await page.goto(`${base}/sign-in?next=%2Faccount`)
    const form = page.getByRole('form', { name: 'Email me a sign-in link' })
    await form.getByLabel('Email address').fill('board@example.org')
    await Promise.all([
      page.waitForURL(`${base}/sign-in/link`),
      form.getByRole('button', { name: 'Email me a sign-in link' }).click(),
    ])
    expect(await page.getByRole('status').textContent()).toBe(
      'If an account exists for that address, we have emailed a sign-in link. It works once, for 15 minutes.',
    )
    await expectAccessible(page)
    await screenshot(page, 'sign-in-link-sent')

    const email = await sink.waitFor('board@example.org')
    const link = email.text.match(/https?:\/\/\S+/)?.[0] ?? ''
    expect(link.startsWith(`${base}/api/auth/magic-link/verify?`)).toBe(true)
    await page.goto(link)
    expect(page.url()).toBe(`${base}/account`)
    expect(await header(page).getByRole('link', { name: 'Morgan Achebe' }).count()).toBe(1)
    expect(await page.locator('.facts dt:text-is("Roles") + dd').textContent()).toBe('Advisory Board member')
  })

  it('resets a forgotten password through the emailed link, then signs in with the new one', async () => {
    const alternate = demoAccounts[3]
    expect(alternate?.role).toBe('alternate of AMP SoCal')
    const email = alternate?.email ?? ''
    const page = await openPage()
    await page.goto(`${base}/sign-in`)
    await Promise.all([
      page.waitForURL(`${base}/forgot-password`),
      page.getByRole('link', { name: 'Forgot your password?' }).click(),
    ])
    await page.getByLabel('Email address').fill(email)
    await Promise.all([
      page.waitForURL(`${base}/forgot-password`),
      page.getByRole('button', { name: 'Email me a link' }).click(),
    ])
    expect(await page.getByRole('status').textContent()).toContain(
      'we have emailed a link to choose a new password',
    )

    const message = await sink.waitFor(email)
    await page.goto(message.text.match(/https?:\/\/\S+/)?.[0] ?? '')
    expect(new URL(page.url()).pathname).toBe('/reset-password')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Choose a new password')
    await expectAccessible(page)
    await screenshot(page, 'reset-password')
    await page.getByLabel('New password').fill('the alternate chose this')
    await page.getByLabel('The same password again').fill('the alternate chose this')
    await Promise.all([
      page.waitForURL(`${base}/sign-in?notice=password-reset`),
      page.getByRole('button', { name: 'Change my password' }).click(),
    ])
    expect(await page.getByRole('status').textContent()).toBe('Your password is changed. Sign in with it.')
    await screenshot(page, 'sign-in-password-changed')

    const form = page.getByRole('form', { name: 'With your password' })
    await form.getByLabel('Email address').fill(email)
    await form.getByLabel('Password').fill('the alternate chose this')
    await Promise.all([
      page.waitForURL(`${base}/account`),
      form.getByRole('button', { name: 'Sign in' }).click(),
    ])
    const roles = page.locator('.facts dt:text-is("Roles") + dd')
    expect(await roles.textContent()).toBe(
      'Alternate of Advanced Manufacturing Partnership for Southern California (edit its profile · its obligations)',
    )
    expect(await roles.getByRole('link', { name: 'edit its profile' }).getAttribute('href')).toBe(
      '/organizations/amp-socal/edit',
    )
  })

  it('fits the sign-in and account pages on a phone screen', async () => {
    const page = await openPage({ width: 390, height: 844 })
    await page.goto(`${base}/sign-in`)
    await screenshot(page, 'phone-sign-in')
    const fits = () =>
      page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement
        return root.scrollWidth <= root.clientWidth
      })
    expect(await fits(), '/sign-in scrolls sideways').toBe(true)
    await signInWithLink(page, 'board@example.org')
    expect(await fits(), '/account scrolls sideways').toBe(true)
    await screenshot(page, 'phone-account')
  })

  it('shows the other account pages accessibly: forgotten password, invitations, choosing a password', async () => {
    const page = await openPage()
    await page.goto(`${base}/forgot-password`)
    await expectAccessible(page)
    await screenshot(page, 'forgot-password')

    await signInWithLink(page, 'staff@example.org')
    await page.goto(`${base}/staff/invitations`)
    await page.getByLabel('Full name').fill('Imani Brooks')
    await page.getByLabel('Email address').fill('imani.brooks@example.org')
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/staff/invitations' && url.searchParams.has('sent')),
      page.getByRole('button', { name: 'Send the invitation' }).click(),
    ])
    expect(await page.getByRole('status').textContent()).toBe(
      'We emailed an invitation to Imani Brooks at imani.brooks@example.org.',
    )
    await expectAccessible(page)
    await screenshot(page, 'staff-invitations')

    const invitation = await sink.waitFor('imani.brooks@example.org')
    const link = invitation.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)?.[0] ?? ''
    const invitee = await openPage()
    await invitee.goto(link)
    expect(await invitee.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your password')
    await expectAccessible(invitee)
    await screenshot(invitee, 'invitation-choose-password')
    await invitee.getByLabel('Password', { exact: true }).fill('imani chooses this')
    await invitee.getByLabel('The same password again').fill('imani chooses this')
    await Promise.all([
      invitee.waitForURL(`${base}/account?notice=welcome`),
      invitee.getByRole('button', { name: 'Set my password and sign in' }).click(),
    ])
    expect(await header(invitee).getByRole('link', { name: 'Imani Brooks' }).count()).toBe(1)
    await screenshot(invitee, 'account-welcome')
  })
})
