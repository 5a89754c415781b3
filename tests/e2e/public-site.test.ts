import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'

type ApiOrganization = {
  slug: string
  name: string
  category: 'member' | 'bff'
  leadOrganization: string | null
  states: string[]
  counties: string[]
  partnerCount: number
}
type ApiList = { data: ApiOrganization[]; meta: { count: number } }
type ApiDetail = {
  data: ApiOrganization & {
    partners: { name: string }[]
    designations: { designatedOn: string }[]
  }
}

const AMP_SOCAL = 'Advanced Manufacturing Partnership for Southern California'
/** The demo's staff member: with them the header holds the most links. */
const STAFF = 'staff@example.org'
const numberFormat = new Intl.NumberFormat('en-US')

describe('the public site in a browser', () => {
  let hub: E2eHub
  let base: string

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'public-site', signIn: [STAFF] })
    base = hub.base
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /**
   * A page in a fresh context. `forAxe` bypasses the site's CSP, which forbids the inline
   * script axe is injected as; other pages keep the CSP, so a violation shows as a page error.
   */
  const openPage = (options: { forAxe?: boolean; width?: number; height?: number } = {}) =>
    hub.openPage({ bypassCSP: options.forAxe ?? false, width: options.width, height: options.height })

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${base}${path}`)
    expect(response.status, path).toBe(200)
    return (await response.json()) as T
  }

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  it('shows the home page with the network figures counted from the records', async () => {
    const [members, bffs, all] = await Promise.all([
      api<ApiList>('/api/v1/organizations?category=member'),
      api<ApiList>('/api/v1/organizations?category=bff'),
      api<ApiList>('/api/v1/organizations'),
    ])
    const states = new Set(all.data.flatMap((o) => o.states)).size
    expect(members.meta.count).toBeGreaterThan(0)

    const page = await openPage({ forAxe: true })
    const response = await page.goto(`${base}/`)
    expect(response?.status()).toBe(200)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Regional manufacturing communities, learning from each other every week',
    )

    const figures = page.getByRole('list', { name: 'The network in figures' }).getByRole('listitem')
    const figureTexts = (await figures.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
    const figureFor = (label: RegExp) => figureTexts.find((t) => label.test(t))
    expect(figureFor(/member communit/)).toMatch(
      new RegExp(`^${numberFormat.format(members.meta.count)} member communit`),
    )
    expect(figureFor(/BFF/)).toMatch(new RegExp(`^${numberFormat.format(bffs.meta.count)} BFF`))
    expect(figureFor(/represented/)).toMatch(
      new RegExp(`^${numberFormat.format(states)} states? represented`),
    )

    await expectAccessible(page)
    await screenshot(page, 'home')
  })

  it('filters the directory to California and lists only organisations there', async () => {
    const california = await api<ApiList>('/api/v1/organizations?state=CA')
    expect(california.meta.count).toBeGreaterThan(0)

    const page = await openPage({ forAxe: true })
    await page.goto(`${base}/directory`)
    await expectAccessible(page)
    await page.getByLabel('State').selectOption('CA')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('state') === 'CA'),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ])
    expect(new URL(page.url()).searchParams.get('state')).toBe('CA')
    expect(await page.getByLabel('State').inputValue()).toBe('CA')

    const count = california.meta.count
    expect(await page.locator('#results-count').textContent()).toBe(
      `${count} ${count === 1 ? 'organisation matches' : 'organisations match'} these filters`,
    )

    const items = page.locator('.org-list > li')
    const names = await items.locator('h3 a').allTextContents()
    expect(names.sort()).toEqual(california.data.map((o) => o.name).sort())
    for (const stateText of await items.locator('dt:text-matches("^States?:$") + dd').allTextContents()) {
      expect(stateText.split(', ')).toContain('California')
    }
    expect(await items.locator('dt:text-matches("^States?:$")').count()).toBe(count)

    const map = page.locator('.map-figure svg.us-map')
    await expect.poll(() => map.count()).toBe(1)
    const drawable = california.data.filter((o) => o.states.length > 0 || o.counties.length > 0)
    expect(await map.locator('.map-region').count()).toBe(drawable.length)
    expect(await map.locator('.map-county, .map-state-shade').count()).toBeGreaterThan(0)

    await expectAccessible(page)
    await screenshot(page, 'directory-california')
  })

  it('opens a community from the directory list and shows its profile', async () => {
    const { data: amp } = await api<ApiDetail>('/api/v1/organizations/amp-socal')

    const page = await openPage({ forAxe: true })
    await page.goto(`${base}/directory`)
    await Promise.all([
      page.waitForURL(`${base}/organizations/amp-socal`),
      page.locator('.org-list').getByRole('link', { name: AMP_SOCAL, exact: true }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(AMP_SOCAL)

    const lead = page.locator('.facts dt:text-is("Lead organisation") + dd')
    expect(amp.leadOrganization).toBeTruthy()
    expect(await lead.textContent()).toBe(amp.leadOrganization)

    const partners = page.locator('section[aria-labelledby="partners-heading"]')
    const partnerItems = await partners.locator('li').allTextContents()
    const n = partnerItems.length
    expect(n).toBeGreaterThan(0)
    expect(await partners.locator('p').first().textContent()).toBe(
      `${n} partner ${n === 1 ? 'organisation' : 'organisations'} on record.`,
    )
    expect(partnerItems).toEqual(amp.partners.map((p) => p.name))
    expect(amp.partnerCount).toBe(n)

    const timeline = page.locator('section[aria-labelledby="designations-heading"] .timeline li')
    expect(
      await timeline.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))),
    ).toEqual(['2014-05-28', '2016-09-27'])
    const timelineText = (await timeline.allTextContents()).join(' ')
    expect(timelineText).toContain('2014')
    expect(timelineText).toContain('2016')
    expect(timelineText).toContain('Redesignated')

    const outcomes = page.locator('section[aria-labelledby="outcomes-heading"]')
    const jobsCreated = outcomes.getByRole('row', { name: /^Jobs created/ })
    expect(await jobsCreated.getByRole('cell').first().textContent()).toBe('4,347')

    const regionMap = page.locator('section[aria-labelledby="region-heading"] svg.us-map')
    expect(await regionMap.count()).toBe(1)
    expect(await regionMap.locator('.map-county').count()).toBe(10)
    expect(await page.locator('section[aria-labelledby="region-heading"] figcaption').textContent()).toBe(
      '10 counties highlighted.',
    )

    await expectAccessible(page)
    await screenshot(page, 'profile-amp-socal')
  })

  it('fits a phone screen without horizontal scrolling', async () => {
    const page = await openPage({ width: 390, height: 844 })
    for (const [name, path] of [
      ['home', '/'],
      ['directory', '/directory'],
      ['directory-california', '/directory?state=CA'],
      ['profile-amp-socal', '/organizations/amp-socal'],
    ] as const) {
      const response = await page.goto(`${base}${path}`)
      expect(response?.status(), path).toBe(200)
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
      })
      expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
      await screenshot(page, `phone-${name}`)
    }
  })

  it('makes the skip link the first Tab stop and moves focus to the main content', async () => {
    const page = await openPage()
    await page.goto(`${base}/directory`)
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      const box = el?.getBoundingClientRect()
      return {
        text: el?.textContent?.trim(),
        href: el?.getAttribute('href'),
        isOnScreen: box ? box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth : false,
      }
    })
    expect(focused).toEqual({ text: 'Skip to content', href: '#main', isOnScreen: true })
    await screenshot(page, 'skip-link-focused', { fullPage: false })

    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
    // The next Tab continues from the main content, not from the header.
    await page.keyboard.press('Tab')
    expect(
      await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false),
    ).toBe(true)
  })

  it('folds the header into a menu on a phone, opened and closed with the keyboard', async () => {
    for (const who of ['visitor', 'staff'] as const) {
      const phone = await hub.openPage({
        signedInAs: who === 'staff' ? STAFF : undefined,
        width: 390,
        height: 844,
      })
      await phone.goto(`${base}/news`)
      const header = phone.locator('header.site-header')
      // The brand and the Menu button: one row, whatever the number of links.
      expect((await header.boundingBox())?.height, `${who}: the header's height`).toBeLessThan(80)
      const nav = phone.getByRole('navigation', { name: 'Main' })
      expect(await nav.isVisible()).toBe(false)
      await screenshot(phone, `header-${who}-390`, { fullPage: false })

      // A popover: the browser itself tells assistive technology whether it is open.
      const isOpen = () =>
        phone.evaluate(() => document.querySelector('#site-menu')?.matches(':popover-open'))
      await phone.getByRole('button', { name: 'Menu' }).focus()
      await phone.keyboard.press('Enter')
      await expect.poll(() => nav.isVisible()).toBe(true)
      expect(await isOpen()).toBe(true)
      // The next Tab goes into the menu: its search box, then its links.
      await phone.keyboard.press('Tab')
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('site-search-q')
      await expectAccessible(phone)
      await screenshot(phone, `header-${who}-390-open`, { fullPage: false })
      if (who === 'staff') expect(await nav.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
      await phone.keyboard.press('Escape')
      await expect.poll(() => nav.isVisible()).toBe(false)
      expect(await isOpen()).toBe(false)
      expect(await phone.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu')

      // On a desktop the same page shows the links in the header, and no Menu button.
      const desktop = await hub.openPage({ signedInAs: who === 'staff' ? STAFF : undefined })
      await desktop.goto(`${base}/news`)
      expect(await desktop.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
      expect(await desktop.getByRole('button', { name: 'Menu' }).count()).toBe(0)
      await expectAccessible(desktop)
      await screenshot(desktop, `header-${who}-1280`, { fullPage: false })
    }
  })

  it('answers an unknown profile with a 404 page that has a heading', async () => {
    const page = await openPage({ forAxe: true })
    const response = await page.goto(`${base}/organizations/does-not-exist`)
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    expect(await page.title()).toContain('Page not found')
    expect(await page.getByRole('link', { name: 'browse the directory' }).getAttribute('href')).toBe(
      '/directory',
    )
    // Chromium logs the 404 response itself as a console error: expected here, and nothing else.
    const errors = hub.takePageErrors()
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([])
    await expectAccessible(page)
    await screenshot(page, 'not-found')
  })
})
