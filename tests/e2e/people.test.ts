import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'

const STAFF = 'staff@example.org'

describe('staff find and manage people in a browser', () => {
  let hub: E2eHub
  let base: string

  // The demo network and its accounts (a password hash each) take a while on a busy machine.
  beforeAll(async () => {
    hub = await startE2eHub({
      name: 'people',
      signIn: [STAFF, 'board@example.org'],
      // The refused term form (409) and the board member's forbidden page (403) are logged by Chromium.
      expectedConsoleError: ({ text }) => /status of (403|409)/.test(text),
    })
    base = hub.base
  }, 180_000)

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  // biome-ignore lint/performance/useDomNodeTextContent: the text as people read it
  const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ')
  const listedNames = (page: Page) => page.locator('table tbody th a').allTextContents()

  it('reaches the people list from the staff navigation and filters it', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${base}/staff/audit`)
    const staffNav = page.getByRole('navigation', { name: 'Staff pages' })
    for (const name of ['People', 'Invitations', 'Presentations', 'Applications', 'Obligations'])
      expect(await staffNav.getByRole('link', { name, exact: true }).count(), name).toBe(1)
    await Promise.all([
      page.waitForURL(`${base}/staff/people`),
      staffNav.getByRole('link', { name: 'People', exact: true }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('People')
    expect(await mainText(page)).toMatch(/\d+ people; showing 1 to 50\./)
    await expectAccessible(page)
    await screenshot(page, 'staff-people-list')

    await page.getByLabel('Role today').selectOption('board')
    await Promise.all([
      page.waitForURL(/role=board/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ])
    expect((await listedNames(page)).sort()).toEqual(['Elena Vasquez', 'Harold Kim', 'Morgan Achebe'])
    expect(await page.getByLabel('Role today').inputValue()).toBe('board')

    await page.getByLabel('Role today').selectOption('representative')
    await page.getByLabel('Cannot sign in yet').check()
    await Promise.all([
      page.waitForURL(/account=cannot-sign-in/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ])
    const names = await listedNames(page)
    expect(names.length).toBeGreaterThan(0)
    expect(await mainText(page)).not.toContain('Can sign in')
    await expectAccessible(page)

    const narrow = await hub.openPage({ signedInAs: STAFF, width: 390, height: 844 })
    await narrow.goto(`${base}/staff/people`)
    // Nothing wider than the phone but the table, which scrolls in its own frame.
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(narrow, 'staff-people-list-phone')
  }, 120_000)

  it('opens a person, invites them, and shows the term form’s mistakes by the field', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${base}/staff/people?role=representative&account=cannot-sign-in`)
    const [name = ''] = await listedNames(page)
    await Promise.all([
      page.waitForURL(/\/staff\/people\/[0-9a-f-]{36}$/),
      page.getByRole('link', { name }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name)
    const personUrl = page.url()
    const text = await mainText(page)
    expect(text).toMatch(/Represents Representative of /)
    expect(text).toContain('Never invited: no account.')
    await expectAccessible(page)
    await screenshot(page, 'staff-person-page')

    const sent = hub.sink.messages.length
    await Promise.all([
      page.waitForURL(/notice=invited/),
      page.getByRole('button', { name: 'Invite' }).click(),
    ])
    expect(await page.getByRole('status').first().textContent()).toContain('We emailed an invitation')
    expect(await page.locator('#account-state').textContent()).toMatch(
      /^Invited on November 26, 2026 by Robin Castellano/,
    )
    const email = hub.sink.messages[sent]
    expect(email?.subject).toMatch(/^You are invited to the /)

    const form = page.getByRole('form', { name: 'Add a term' })
    await form.getByLabel('Starts on').fill('2027-01-01')
    await form.getByLabel('Ends on (optional)').fill('2026-12-01')
    await form.getByRole('button', { name: 'Add the term' }).click()
    await page.waitForSelector('#term-ends-error')
    expect(await page.locator('#term-ends-error').textContent()).toBe(
      'The end date must be after the start date (January 1, 2027).',
    )
    expect(await page.getByLabel('Ends on (optional)').getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(page)

    const narrow = await hub.openPage({ signedInAs: STAFF, width: 390, height: 844 })
    await narrow.goto(personUrl)
    await screenshot(narrow, 'staff-person-page-phone')
  }, 120_000)

  it('keeps the people pages from an Advisory Board member', async () => {
    const page = await hub.openPage({ signedInAs: 'board@example.org' })
    const response = await page.goto(`${base}/staff/people`)
    expect(response?.status()).toBe(403)
    expect(await mainText(page)).not.toContain('Cannot sign in yet')
  })
})
