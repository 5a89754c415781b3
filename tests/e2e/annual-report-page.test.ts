import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type OutcomesBy,
  saveReportDraft,
  setGoals,
  submitReport,
  verifyReport,
  yearPeriod,
} from '../../src/features/outcomes/index.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createOrganization, createPerson } from '../support/factories.ts'

describe('the annual report in a browser', () => {
  let hub: E2eHub
  const address = () => `${hub.base}/impact/report/2026`

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'annual-report' })
    const db = hub.database.db
    const staff = await createPerson(db, { role: 'staff', since: '2020-01-01' })
    const by: OutcomesBy = { personId: staff.id, actor: `person:${staff.id}`, isStaff: true }
    const org = await createOrganization(db, { name: 'Report Journey Works', admittedOn: '2026-01-05' })
    const id = await saveReportDraft(
      db,
      {
        organizationId: org.id,
        period: yearPeriod(2026),
        note: null,
        evidenceUrl: null,
        figures: [
          { metric: 'jobs_created', actual: 4_321, note: null },
          { metric: 'public_funding_cents', actual: 987_654_321, note: null },
        ],
      },
      by,
    )
    await submitReport(db, id, by)
    await verifyReport(db, id, by)
    await setGoals(
      db,
      { organizationId: org.id, period: yearPeriod(2026), targets: { jobs_created: 5_000 } },
      by,
    )
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  for (const width of [1280, 390]) {
    it(`reads at ${width} pixels wide, passes axe and does not scroll sideways`, async () => {
      const page = await hub.openPage({ width, height: 900 })
      await page.goto(address())
      expect(await page.locator('h1').textContent()).toBe('Annual report 2026')
      const community = page.locator('.report-community', { hasText: 'Report Journey Works' })
      const firstRow = community.locator('tbody tr').first().locator('th, td')
      expect((await firstRow.allInnerTexts()).slice(0, 4)).toEqual(['Jobs created', '4,321', '5,000', '86%'])
      expect(await community.textContent()).toContain('$9,876,543.21')
      expect(await hub.accessibilityProblems(page)).toBe('')
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await screenshot(page, `annual-report-${width}`)
    })
  }

  it('loads its stylesheet under the site’s CSP, and on paper leaves out the navigation and breaks pages', async () => {
    const page = await hub.openPage({ width: 1280, bypassCSP: false })
    await page.goto(address())
    const style = (selector: string, property: string) =>
      page.evaluate(
        ([s, p]) =>
          getComputedStyle(document.querySelector(s as string) as Element).getPropertyValue(p as string),
        [selector, property],
      )
    expect(await style('.report-cover', 'border-bottom-style')).toBe('solid')
    expect(await style('.site-header', 'display')).not.toBe('none')
    await page.emulateMedia({ media: 'print' })
    expect(await style('.site-header', 'display')).toBe('none')
    expect(await style('.site-footer', 'display')).toBe('none')
    expect(await style('.report-cover', 'break-after')).toBe('page')
    expect(await style('.report-communities', 'break-before')).toBe('page')
    expect(await style('.report-community + .report-community', 'break-before')).toBe('page')
  })
})
