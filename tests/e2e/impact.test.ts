import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import {
  type OutcomesBy,
  saveReportDraft,
  submitReport,
  verifyReport,
  yearPeriod,
} from '../../src/features/outcomes/index.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createOrganization, createPerson, type TestOrganization } from '../support/factories.ts'

const STAFF = 'staff@example.org'

describe('the public impact page in a browser', () => {
  let hub: E2eHub
  let lakes: TestOrganization

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'impact', signIn: [STAFF] })
    const { db } = hub.database
    const person = await createPerson(db, { role: 'staff', since: '2020-01-01' })
    const by: OutcomesBy = { personId: person.id, actor: `person:${person.id}`, isStaff: true }
    lakes = await createOrganization(db, {
      name: 'Great Lakes Makers',
      states: ['MI'],
      admittedOn: '2020-01-06',
    })
    await writeAs(db, 'system', (tx) =>
      tx
        .update(organizations)
        .set({ counties: ['26163', '26125'] })
        .where(eq(organizations.id, lakes.id)),
    )
    for (const [year, jobs, investment] of [
      [2024, 120, 250_000_000],
      [2025, 310, 410_000_050],
    ] as const) {
      const id = await saveReportDraft(
        db,
        {
          organizationId: lakes.id,
          period: yearPeriod(year),
          note: null,
          evidenceUrl: null,
          figures: [
            { metric: 'jobs_created', actual: jobs, note: null },
            { metric: 'private_investment_cents', actual: investment, note: null },
          ],
        },
        by,
      )
      await submitReport(db, id, by)
      await verifyReport(db, id, by)
    }
  }, 180_000)
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  it('passes axe and reads well at desktop and phone widths, the map shaded by the chosen metric', async () => {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      const page = await hub.openPage({ width, height })
      await page.goto(`${hub.base}/impact`)
      expect(await page.locator('h1').textContent()).toBe("The network's impact")
      await expect
        .poll(async () => (await page.locator('svg.us-map').boundingBox())?.width ?? 0)
        .toBeGreaterThan(300)
      // Nothing wider than the screen: the page never scrolls sideways.
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`),
      )
      expect(overflow, `wider than ${width}`).toEqual([])
      expect(await hub.accessibilityProblems(page)).toBe('')
      await screenshot(page, `impact-${width}`)

      // The visitor picks a metric with the plain form: the map is shaded by it.
      await page.selectOption('#metric', 'private_investment_cents')
      await page.getByRole('button', { name: 'Show on the map' }).click()
      await page.waitForURL(/metric=private_investment_cents/)
      const region = page.locator(`svg.us-map [data-slug="${lakes.slug}"]`)
      expect(await region.count()).toBe(1)
      expect(
        await page.locator('svg.us-map title', { hasText: 'Great Lakes Makers: $6,600,000.50' }).count(),
      ).toBe(1)
      expect(await hub.accessibilityProblems(page)).toBe('')
      await screenshot(page, `impact-map-investment-${width}`)
    }
  }, 180_000)

  it('lets staff record a fact from the profile, which visitors then see with its source', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/organizations/${lakes.slug}`)
    await page.getByRole('link', { name: 'Record reported facts' }).click()
    await page.selectOption('#topic', 'award')
    await page.fill('#label', 'Regional innovation award')
    await page.selectOption('#qualifier', 'more_than')
    await page.selectOption('#unit', 'usd')
    await page.fill('#value', '2,750,000')
    await page.fill('#asOf', '2024-05-01')
    await page.fill('#sourceTitle', 'State press release')
    await page.fill('#sourceUrl', 'https://example.org/award')
    await page.getByRole('button', { name: 'Record the fact' }).click()
    await page.waitForURL(/added=1/)
    expect(await page.getByRole('status').textContent()).toContain('Recorded: the fact is on the profile.')

    const visitor = await hub.openPage()
    await visitor.goto(`${hub.base}/organizations/${lakes.slug}`)
    const reported = visitor.locator('section[aria-labelledby="reported-heading"]')
    expect(await reported.textContent()).toContain('Regional innovation award: more than $2,750,000')
    expect(await reported.getByRole('link', { name: 'State press release' }).getAttribute('href')).toBe(
      'https://example.org/award',
    )
    // Never added to a total: the impact page's figures are the verified reports' alone.
    await visitor.goto(`${hub.base}/impact`)
    expect(await visitor.locator('main').textContent()).not.toContain('2,750,000')
  }, 120_000)

  it('gives staff the reported facts form, which passes axe at both widths', async () => {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      const page = await hub.openPage({ signedInAs: STAFF, width, height })
      await page.goto(`${hub.base}/staff/outcomes/facts?organization=${lakes.slug}`)
      expect(await page.locator('h1').textContent()).toBe('Reported facts of Great Lakes Makers')
      expect(await hub.accessibilityProblems(page)).toBe('')
      await screenshot(page, `impact-facts-${width}`)
    }
  }, 120_000)
})
