import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/features/demo/demo-accounts.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

describe('signing in with a browser', () => {
  let hub: E2eHub
  let base: string
  let demoAccounts: { role: string; email: string }[]

  beforeAll(async () => {
    // Nobody is signed in at start-up: that would give the demo people another password.
    hub = await startE2eHub({ name: 'sign-in' })
    base = hub.base
    // startHub does this itself on PGlite only; on a PostgreSQL server the test gives the accounts.
    demoAccounts = await ensureDemoAccounts(hub.database.db, hub.auth, { today: DEMO_TODAY })
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /** A page in a fresh browser context (no cookies), with the CSP bypassed so axe can run. */
  const openPage = (viewport?: { width: number; height: number }) => hub.openPage(viewport)

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  const header = (page: Page) => page.getByRole('navigation', { name: 'Main' })

  /**
   * Signs in by an emailed link. (The hub allows 5 password sign-ins a minute from one
   * address, and every browser here is 127.0.0.1: the password journeys keep to that.)
   */
  async function signInWithLink(page: Page, email: string) {
    const before = hub.sink.messages.length
    await page.goto(`${base}/sign-in`)
    const form = page.getByRole('form', { name: 'Email me a sign-in link' })
    await form.getByLabel('Email address').fill(email)
    await Promise.all([
      page.waitForURL(`${base}/sign-in/link`),
      form.getByRole('button', { name: 'Email me a sign-in link' }).click(),
    ])
    const message = await hub.waitForEmail(email, { since: before })
    await page.goto(message.text.match(/https?:\/\/\S+/)?.[0] ?? '')
    expect(page.url()).toBe(`${base}/account`)
  }

  it('tells who started it how to sign in to the demo, on the embedded database only', () => {
    const lines = hub.said.filter((line) => line.startsWith('Demo sign-in') || line.startsWith('Sign in at'))
    if (hub.database.kind === 'pglite') {
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
    expect(hub.takePageErrors().filter((e) => !/status of 400/.test(e))).toEqual([])
    expect(await page.getByRole('alert').textContent()).toBe('The email or password is not right.')
    expect(await form.getByLabel('Email address').inputValue()).toBe('staff@example.org')
    await expectAccessible(page)
    await screenshot(page, 'sign-in-wrong-password')
  })

  it('signs in with a link read from the email', async () => {
    const sent = hub.sink.messages.length
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

    const email = await hub.waitForEmail('board@example.org', { since: sent })
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
    const sent = hub.sink.messages.length
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

    const message = await hub.waitForEmail(email, { since: sent })
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
    // A seat holder lands on their organisation's page; their account still names the seat.
    await Promise.all([
      page.waitForURL(`${base}/my-organization`),
      form.getByRole('button', { name: 'Sign in' }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My organisation')
    await page.goto(`${base}/account`)
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
    const sent = hub.sink.messages.length
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

    const invitation = await hub.waitForEmail('imani.brooks@example.org', { since: sent })
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
