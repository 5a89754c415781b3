import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createOrganization, seatHolder } from '../support/factories.ts'
import { searchLibraryItem, searchNewsPost } from '../support/search-factories.ts'

const BRIEFING = 'Zephyrite tariff briefing'
const POST = 'Open house at the foundry'

describe('search in a browser', () => {
  let hub: E2eHub
  let representative: string

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'search' })
    const db = hub.database.db
    const org = await createOrganization(db, { name: 'Quillfeather Works Alliance' })
    representative = (await seatHolder(db, org, 'representative')).email
    await hub.signIn(representative)
    await searchLibraryItem(db, {
      title: BRIEFING,
      summary: 'What the zephyrite tariffs mean for the network’s members.',
      visibility: 'members',
    })
    await searchNewsPost(db, { title: POST, body: 'Visitors toured the zephyrite casting line.' })
    await searchLibraryItem(db, { title: 'Greenhouse notes', body: 'Lettuce trials.', tags: ['hydroponics'] })
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  const resultTitles = (page: Page) => page.locator('.search-results h2').allInnerTexts()
  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  it('searches from the header box, highlights the word, and never shows a visitor a members-only briefing', async () => {
    const page = await hub.openPage({ width: 1280 })
    await page.goto(`${hub.base}/`)
    await page.getByRole('searchbox', { name: 'Search the site' }).fill('zephyrite')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'zephyrite')
    expect(await page.getByRole('status').textContent()).toBe('1 result for “zephyrite”.')
    expect(await resultTitles(page)).toEqual([POST])
    expect(await page.locator('.search-results mark').allInnerTexts()).toEqual(['zephyrite'])
    expect(await page.content()).not.toContain(BRIEFING)
    // The box on the page holds the query, and a new search from it replaces the results.
    await expect.poll(() => page.getByLabel('Search for').inputValue()).toBe('zephyrite')
    await expectAccessible(page)
    await screenshot(page, 'search-visitor-1280')
  })

  it('shows a representative the members-only briefing, ranked by its title, and filters by kind', async () => {
    const page = await hub.openPage({ signedInAs: representative, width: 390, height: 844 })
    await page.goto(`${hub.base}/search?q=zephyrite`)
    expect(await page.getByRole('status').textContent()).toBe('2 results for “zephyrite”.')
    // The title match above the body match.
    expect(await resultTitles(page)).toEqual([BRIEFING, POST])
    const kinds = page.getByRole('navigation', { name: 'Kinds of result' })
    expect(await kinds.getByRole('link').allInnerTexts()).toEqual(['All (2)', 'News (1)', 'Briefings (1)'])
    await expectAccessible(page)
    await screenshot(page, 'search-member-390')

    await kinds.getByRole('link', { name: 'Briefings (1)' }).click()
    await page.waitForURL((url) => url.searchParams.get('kind') === 'briefing')
    expect(await resultTitles(page)).toEqual([BRIEFING])
    expect(await page.getByRole('status').textContent()).toBe('1 result for “zephyrite” in briefings.')
    expect(await kinds.getByRole('link', { name: 'Briefings (1)' }).getAttribute('aria-current')).toBe('page')
    // Leaving the results for the item itself.
    await page.getByRole('link', { name: BRIEFING }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/library/'))
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(BRIEFING)
  })

  it('shows the tag an item was found by, highlighted', async () => {
    const page = await hub.openPage({ width: 1280 })
    await page.goto(`${hub.base}/search?q=hydroponics`)
    expect(await resultTitles(page)).toEqual(['Greenhouse notes'])
    const snippet = page.locator('.search-results li p').last()
    expect(await snippet.textContent()).toBe('Tags: hydroponics. Lettuce trials')
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(['hydroponics'])
  })
})
