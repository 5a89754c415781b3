import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, type StaffJourney, staffJourney, startE2eHub } from '../support/e2e-hub.ts'
import { tinyPng } from '../support/pages-factories.ts'

const FIRST_BODY = `Regions that make things, learning from each other.

| Who | How often |
| --- | --- |
| Member communities | Every Monday |
| BFFs | Every Monday |

Read [our history](/history).`

describe('staff write the mission page; a visitor reads it', () => {
  let hub: E2eHub
  let base: string
  let pageId: string
  let journey: StaffJourney
  let openPage: StaffJourney['openPage']

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'site-pages' })
    base = hub.base
    journey = await staffJourney(hub)
    openPage = journey.openPage
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(() => journey.expectNoErrorsOrDialogs())
  const expectAccessible = async (page: Page) =>
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')

  it('lets staff name the network and upload its logo', async () => {
    const page = await openPage()
    await page.goto(`${base}/staff/settings/site`)
    await page.getByLabel('Name', { exact: true }).fill('Manufacturing Regions Alliance')
    await page.getByLabel('Short name').fill('MRA')
    await page.getByRole('button', { name: 'Save the identity' }).click()
    await page.waitForURL(/notice=saved/)
    expect(await page.locator('.brand-name').textContent()).toBe('Manufacturing Regions Alliance')
    await page
      .getByLabel('Upload a logo')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng })
    await page.getByRole('button', { name: 'Upload the logo' }).click()
    await page.waitForURL(/notice=logo/)
    expect(await page.locator('.brand-logo').getAttribute('src')).toMatch(/^\/site\/logo\?v=/)
    await expectAccessible(page)
    await screenshot(page, 'site-pages-identity-1280')
  })

  it('writes the mission page with a table and a link, previews it and publishes it', async () => {
    const page = await openPage()
    await page.goto(`${base}/staff/pages/new`)
    await page.getByLabel('Title').fill('Our mission')
    await page.getByLabel('Body (Markdown)').fill(FIRST_BODY)
    // The live preview (the script from /assets) shows the table as it is typed.
    await page.locator('#preview-output table').waitFor()
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.waitForLoadState()
    expect(await page.locator('#preview-output table th').first().textContent()).toBe('Who')
    expect(await page.locator('#preview-output a').getAttribute('href')).toBe('/history')
    await page.getByLabel('Status').selectOption('published')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL(/notice=saved/)
    pageId = page.url().match(/\/staff\/pages\/([0-9a-f-]{36})/)?.[1] as string
    expect(pageId).toBeDefined()
    expect(await page.locator('#broken-links').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'site-pages-editor-1280')
    const phone = await openPage({ width: 390 })
    await phone.goto(page.url())
    await screenshot(phone, 'site-pages-editor-390')
    await page.goto(`${base}/staff/pages`)
    await expectAccessible(page)
    await screenshot(page, 'site-pages-list-1280')
  })

  it('edits it, compares the two revisions and restores the first', async () => {
    const page = await openPage()
    await page.goto(`${base}/staff/pages/${pageId}`)
    await page
      .getByLabel('Body (Markdown)')
      .fill(FIRST_BODY.replace('learning from each other', 'sharing what works'))
    await page.getByLabel('What changed (for the revisions)').fill('Sharper first line')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL(/notice=saved/)
    await page.getByRole('link', { name: 'Revisions' }).click()
    expect(await page.getByRole('cell', { name: 'Sharper first line' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Compare the two revisions' }).click()
    await page.waitForURL(/compare\?/)
    const body = page.getByRole('region', { name: 'Body' })
    expect(await body.locator('del').textContent()).toContain('learning from each other')
    expect(await body.locator('ins').textContent()).toContain('sharing what works')
    expect(await body.locator('.diff-removed .diff-label').textContent()).toBe('Removed')
    await expectAccessible(page)
    await screenshot(page, 'site-pages-compare-1280')
    const phone = await openPage({ width: 390 })
    await phone.goto(page.url())
    await screenshot(phone, 'site-pages-compare-390')
    await page.getByRole('button', { name: 'Restore revision 1' }).click()
    await page.waitForURL(/restored=1/)
    expect(await page.getByRole('cell', { name: 'Restored revision 1' }).count()).toBe(1)
  })

  it('shows a visitor the page in the navigation, with the restored text', async () => {
    const page = await openPage({ anonymous: true })
    await page.goto(`${base}/`)
    expect(await page.locator('.brand-name').textContent()).toBe('Manufacturing Regions Alliance')
    await expectAccessible(page)
    await screenshot(page, 'site-pages-home-1280')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Our mission' }).click()
    await page.waitForURL(`${base}/our-mission`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Our mission')
    const text = await page.locator('main').textContent()
    expect(text).toContain('learning from each other')
    expect(text).not.toContain('sharing what works')
    expect(await page.locator('main table td').first().textContent()).toBe('Member communities')
    expect(await page.title()).toBe('Our mission · MRA')
    await expectAccessible(page)
    await screenshot(page, 'site-pages-public-1280')
    const phone = await openPage({ anonymous: true, width: 390 })
    await phone.goto(`${base}/our-mission`)
    await screenshot(phone, 'site-pages-public-390')
    await phone.goto(`${base}/about/advisory-board`)
    await screenshot(phone, 'site-pages-nested-390')
  })
})
