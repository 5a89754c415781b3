import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createOrganization, type TestOrganization } from '../support/factories.ts'

const STAFF = 'staff@example.org'

describe('the directory map in a browser', () => {
  let hub: E2eHub
  let newcomer: TestOrganization

  /** A community of the demo's day, drawn with these counties (or its whole states when none). */
  async function community(name: string, counties: string[]): Promise<TestOrganization> {
    const org = await createOrganization(hub.database.db, { name, states: ['CA'] })
    await writeAs(hub.database.db, 'system', (tx) =>
      tx.update(organizations).set({ counties }).where(eq(organizations.id, org.id)),
    )
    return org
  }

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'map', signIn: [STAFF] })
    // Two alliances shading all of California, and a community inside Los Angeles County.
    await community('Golden State Alliance', [])
    await community('California Makers', [])
    newcomer = await community('Los Angeles Makers', ['06037'])
  }, 180_000)
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /** The listed names in the map's place list item for a county or state (by its shape id). */
  const namesAt = (page: Page, shapeId: string) =>
    page.locator(`#directory-map-${shapeId} a`).allTextContents()

  it('lists every organisation of a county that several regions cover, by pointer and by keyboard', async () => {
    // With the site's CSP: the shapes come from their own file, which the policy must allow.
    const page = await hub.openPage({ bypassCSP: false })
    await page.goto(`${hub.base}/directory?state=CA`)
    const la = page.locator('a.map-shared[href="#directory-map-c06037"]')
    // The shape is drawn from the shapes file: it has a size once the file is in.
    await expect.poll(async () => (await la.boundingBox())?.width ?? 0).toBeGreaterThan(5)
    await la.click()
    expect(new URL(page.url()).hash).toBe('#directory-map-c06037')
    const names = await namesAt(page, 'c06037')
    expect(names).toEqual(
      expect.arrayContaining(['California Makers', 'Golden State Alliance', 'Los Angeles Makers']),
    )
    expect(names.length).toBeGreaterThanOrEqual(4)
    await expect.poll(() => page.locator('#directory-map-c06037').isVisible()).toBe(true)

    // California itself: the two alliances (and any other community without known counties), by keyboard.
    await page.goto(`${hub.base}/directory?state=CA`)
    await page.locator('a.map-shared[href="#directory-map-s06"]').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).hash).toBe('#directory-map-s06')
    expect(await namesAt(page, 's06')).toEqual(
      expect.arrayContaining(['California Makers', 'Golden State Alliance']),
    )
    expect(await namesAt(page, 's06')).not.toContain('Los Angeles Makers')
    // Each single-organisation region is a link to its profile, the smaller above the larger.
    const regions = await page
      .locator('svg.us-map .map-region')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-slug')))
    expect(regions.indexOf(newcomer.slug)).toBeGreaterThan(regions.indexOf('amp-socal'))
  }, 120_000)

  it('passes axe, and shows the directory and an obligations page at desktop and phone widths', async () => {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      const page = await hub.openPage({ width, height })
      await page.goto(`${hub.base}/directory`)
      await expect
        .poll(async () => (await page.locator('svg.us-map .map-land').boundingBox())?.width ?? 0)
        .toBeGreaterThan(100)
      expect(await hub.accessibilityProblems(page)).toBe('')
      await screenshot(page, `map-directory-${width}`)
      const staff = await hub.openPage({ signedInAs: STAFF, width, height })
      await staff.goto(`${hub.base}/organizations/${newcomer.slug}/obligations`)
      expect(await staff.locator('.obligation-status').first().textContent()).toBe('On track')
      expect(await hub.accessibilityProblems(staff)).toBe('')
      await screenshot(staff, `map-obligations-newcomer-${width}`)
      await staff.goto(`${hub.base}/organizations/amp-socal/obligations`)
      await screenshot(staff, `map-obligations-amp-socal-${width}`)
    }
  }, 180_000)
})
