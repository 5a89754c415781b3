import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'

const STAFF = 'staff@example.org'

describe('the staff pages in a browser', () => {
  let hub: E2eHub
  let base: string

  beforeAll(async () => {
    // No SMTP server: the hub's emails, and the one written below, are what the outbox page lists.
    hub = await startE2eHub({
      name: 'staff-pages',
      signIn: [STAFF],
      outbox: true,
      // Chromium logs the 400 a refused settings form answers with; that one is expected.
      expectedConsoleError: ({ text }) => /status of 400/.test(text),
    })
    base = hub.base

    // Something to see in the log and in the outbox.
    const robin = await personByEmail(hub.database.db, STAFF)
    await writeAs(hub.database.db, `person:${robin?.id}`, (tx) =>
      tx
        .update(organizations)
        .set({ summary: 'A partnership of <b>manufacturers</b> <script>alert(1)</script>' })
        .where(eq(organizations.slug, 'amp-socal')),
    )
    await hub.mailer.send({
      to: 'newcomer@example.org',
      subject: 'Your invitation to the Collaborative Hub',
      text: `Hello,\n\nChoose a password here (the link works for one week):\n${base}/invitations/accept?token=abcdefghijklmnopqrstuvwxyz0123456789\n\n<script>alert(1)</script>\n`,
    })
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /** A page signed in as staff. `forAxe` bypasses the CSP, which forbids the inline script axe is. */
  const staffPage = (options: { forAxe?: boolean; width?: number; height?: number } = {}) =>
    hub.openPage({
      signedInAs: STAFF,
      bypassCSP: options.forAxe ?? false,
      width: options.width,
      height: options.height,
    })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  it('shows staff the audit log, filters it, and shows changed values as text', async () => {
    const page = await staffPage({ forAxe: true })
    const response = await page.goto(`${base}/staff/audit`)
    expect(response?.status()).toBe(200)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log')
    await expectAccessible(page)

    await page.getByLabel('Table').selectOption('organizations')
    await page.getByLabel('Action').selectOption('update')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('table') === 'organizations'),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ])
    const entries = page.getByRole('list', { name: 'Entries' }).getByRole('listitem')
    expect(await entries.count()).toBe(1)
    const entry = entries.first()
    expect(await entry.getByRole('heading').textContent()).toBe('Update in organizations')
    expect(await entry.locator('dt:text-is("Who:") + dd').textContent()).toBe(
      'Robin Castellano (staff@example.org)',
    )
    const row = entry.getByRole('row', { name: /^summary/ })
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(
      'A partnership of <b>manufacturers</b> <script>alert(1)</script>',
    )
    expect(await page.locator('main script, main b').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'staff-audit-filtered')

    await page.getByRole('link', { name: 'Clear' }).click()
    await page.waitForURL(`${base}/staff/audit`)
    const first = page
      .getByRole('list', { name: 'Entries' })
      .getByRole('listitem')
      .filter({ hasText: 'Insert in' })
      .first()
    await first.locator('summary').click()
    expect(await first.locator('details').getAttribute('open')).toBe('')
    await expectAccessible(page)
    await screenshot(page, 'staff-audit')
  })

  it('creates an API token, shows it once, and revokes it', async () => {
    const page = await staffPage({ forAxe: true })
    // From the audit log, as staff would come: see the report about the form token of a first page view.
    await page.goto(`${base}/staff/audit`)
    await Promise.all([
      page.waitForURL(`${base}/staff/api-tokens`),
      page.getByRole('navigation', { name: 'Staff pages' }).getByRole('link', { name: 'API tokens' }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('API tokens')
    await expectAccessible(page)
    await screenshot(page, 'staff-api-tokens-empty')

    // Submitting without a name or scope explains both, next to the fields.
    await page.getByRole('button', { name: 'Create token' }).click()
    await page.locator('#token-name-error').waitFor()
    expect(await page.locator('#token-name-error').textContent()).toBe(
      'Give the token a name, such as “Reporting dashboard”.',
    )
    expect(await page.locator('#token-scopes-error').textContent()).toBe('Choose at least one scope.')
    // Chromium logs the 400 answer to the refused form as a console error: expected here, and nothing else.
    expect(hub.takePageErrors().filter((e) => !/status of 400/.test(e))).toEqual([])
    await expectAccessible(page)

    await page.getByLabel('Name').fill('Reporting dashboard')
    await page.getByLabel('organizations:read').check()
    await page.getByRole('button', { name: 'Create token' }).click()
    await page.getByRole('heading', { level: 1, name: 'Token created' }).waitFor()
    expect(await page.locator('#token-warning').textContent()).toContain('it will not be shown again')
    const token = await page.getByLabel('The token').inputValue()
    expect(token).toMatch(/^hub_[\w-]{32}$/)
    await expectAccessible(page)
    await screenshot(page, 'staff-api-token-created')

    const api = await fetch(`${base}/api/v1/organizations`, { headers: { Authorization: `Bearer ${token}` } })
    expect(api.status).toBe(200)

    await page.getByRole('link', { name: 'Back to API tokens' }).click()
    await page.waitForURL(`${base}/staff/api-tokens`)
    expect(await page.content()).not.toContain(token)
    const tokenRow = page.getByRole('row', { name: /Reporting dashboard/ })
    expect(await tokenRow.getByRole('cell').first().textContent()).toBe(`${token.slice(0, 10)}…`)
    expect(await tokenRow.locator('.badge').textContent()).toBe('Active')
    await screenshot(page, 'staff-api-tokens-list')

    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('revoked')),
      tokenRow.getByRole('button', { name: 'Revoke Reporting dashboard' }).click(),
    ])
    expect(await page.getByRole('status').first().textContent()).toBe(
      'The token “Reporting dashboard” was revoked.',
    )
    expect(
      await page
        .getByRole('row', { name: /Reporting dashboard/ })
        .locator('.badge')
        .textContent(),
    ).toBe('Revoked')
    await expectAccessible(page)
    await screenshot(page, 'staff-api-tokens-revoked')
    const refused = await fetch(`${base}/api/v1/organizations`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(refused.status).toBe(401)

    await page.goto(`${base}/staff/audit?action=api_call`)
    const call = page.getByRole('list', { name: 'Entries' }).getByRole('listitem').first()
    expect(await call.getByRole('heading').textContent()).toBe('API call: GET /api/v1/organizations')
    expect(await call.locator('dt:text-is("Who:") + dd').textContent()).toBe('API token Reporting dashboard')
  })

  it('shows the outbox with each email’s text as text', async () => {
    const page = await staffPage({ forAxe: true })
    await page.goto(`${base}/staff/outbox`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Email outbox')
    const email = page.getByRole('list', { name: 'Emails' }).getByRole('listitem').first()
    expect(await email.getByRole('heading').textContent()).toBe('Your invitation to the Collaborative Hub')
    expect(await email.locator('dt:text-is("To:") + dd').textContent()).toBe('newcomer@example.org')
    await email.getByText('The email’s text').click()
    const body = await email.locator('details p').textContent()
    expect(body).toContain('Choose a password here (the link works for one week):')
    // Sent to someone else: its link is hidden from staff (issue 10, item 7).
    expect(body).toContain('[link hidden: only the recipient can see it]')
    expect(body).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789')
    expect(body).toContain('<script>alert(1)</script>')
    expect(await email.locator('a, script').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'staff-outbox')
  })

  it('sets when the records begin and the presentation cut-off, saying what each date means', async () => {
    const page = await staffPage({ forAxe: true })
    expect((await page.goto(`${base}/staff/settings/obligations`))?.status()).toBe(200)
    await expectAccessible(page)
    await page.getByLabel('Records begin on').fill('2030-01-01')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()])
    expect(await page.locator('#recordsBeginOn-error').textContent()).toContain(
      'Records cannot begin after today',
    )
    await expectAccessible(page)
    await screenshot(page, 'staff-obligation-settings-refused')
    await page.getByLabel('Records begin on').fill('2026-01-05')
    await page.getByLabel('Month').selectOption({ label: 'July' })
    await page.getByLabel('Day').fill('1')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()])
    expect(await page.getByRole('status').first().textContent()).toBe(
      'Saved: the obligations pages use the new dates.',
    )
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).toContain('Before January 5, 2026 the obligations pages')
    expect(text).toContain('admitted on or after July 1 owes no presentation')
    await screenshot(page, 'staff-obligation-settings')
    // Back to the defaults, for the other journeys of this suite.
    await page.getByLabel('Records begin on').fill('')
    await page.getByLabel('Month').selectOption({ label: 'October' })
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()])
    expect(await page.getByRole('status').first().textContent()).toBe(
      'Saved: the obligations pages use the new dates.',
    )
  })

  it('fits the staff pages on a phone screen without horizontal scrolling', async () => {
    const page = await staffPage({ width: 390, height: 844 })
    for (const [name, url] of [
      ['audit', '/staff/audit'],
      ['api-tokens', '/staff/api-tokens'],
      ['outbox', '/staff/outbox'],
      ['obligation-settings', '/staff/settings/obligations'],
    ] as const) {
      const response = await page.goto(`${base}${url}`)
      expect(response?.status(), url).toBe(200)
      // Opened, the long values inside must wrap too.
      for (const summary of await page.locator('main summary').all()) await summary.click()
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
      })
      expect(scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
      await screenshot(page, `phone-staff-${name}`)
      // The first screenful of content, where the full page is too long to look at.
      await page.locator('main h2, main ol').first().scrollIntoViewIfNeeded()
      await screenshot(page, `phone-staff-${name}-screen`, { fullPage: false })
    }
  })
})
