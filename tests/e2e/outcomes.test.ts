import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { rollupOutcomes } from '../../src/features/outcomes/index.ts'
import { formatAmount } from '../../src/lib/money.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import {
  createOrganization,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const STAFF = 'staff@example.org'
const ALL_TIME = { from: '2000-01-01', to: '2100-12-31', onDate: DEMO_TODAY }

describe('an outcome report from submission to the public totals, in a browser', () => {
  let hub: E2eHub
  let org: TestOrganization
  let representative: TestPerson
  let jobsBefore = 0

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'outcomes', signIn: [STAFF] })
    org = await createOrganization(hub.database.db, {
      name: 'Lakeshore Makers Alliance',
      admittedOn: '2024-01-05',
    })
    representative = await seatHolder(hub.database.db, org, 'representative', { since: '2024-01-05' })
    await hub.signIn(representative.email)
    const before = await rollupOutcomes(hub.database.db, ALL_TIME)
    jobsBefore = before.metrics.find((m) => m.key === 'jobs_created')?.total ?? 0
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  it('is submitted, returned on one figure, corrected, verified, and then counted on the profile and the impact page', async () => {
    const rep = await hub.openPage({ signedInAs: representative.email })
    await rep.goto(`${hub.base}/my-organization`)
    await rep.getByRole('link', { name: 'Outcome reports' }).click()
    expect(await rep.textContent('h1')).toBe(`Outcome reports: ${org.name}`)
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await rep.check('#periodKind-year')
    await rep.fill('#period-year', '2026')
    await rep.getByRole('button', { name: 'Start the report' }).click()
    await rep.waitForURL(/\/outcomes\/reports\/[0-9a-f-]{36}\?notice=started$/)
    const reportUrl = rep.url().replace(/\?.*$/, '')
    await rep.fill('#figure-jobs_created', '1,200')
    await rep.fill('#note-jobs_created', 'From the payroll survey of member firms.')
    await rep.fill('#figure-public_funding_cents', '$1,250,000.50')
    await rep.fill('#narrative', 'Our first full year of shared training.')
    await rep.fill('#evidenceUrl', 'https://example.org/lakeshore-2026.pdf')
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await rep.getByRole('button', { name: 'Submit to staff' }).click()
    await rep.waitForURL(/notice=submitted/)
    expect(await rep.textContent('.flash')).toContain('Submitted')

    const staff = await hub.openPage({ signedInAs: STAFF })
    await staff.goto(`${hub.base}/staff/outcomes`)
    expect(await hub.accessibilityProblems(staff)).toBe('')
    await staff.getByRole('link', { name: org.name }).click()
    await staff.waitForURL(reportUrl)
    expect(await hub.accessibilityProblems(staff)).toBe('')
    await staff.fill('#comment-jobs_created', 'This counts two years of jobs: give 2026 only.')
    await staff.getByRole('button', { name: 'Return the report' }).click()
    await staff.waitForURL(/notice=returned/)

    await rep.goto(reportUrl)
    expect(await rep.textContent('#staff-comment-jobs_created')).toContain(
      'This counts two years of jobs: give 2026 only.',
    )
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await screenshot(rep, 'outcomes-report-returned-desktop')
    const phone = await hub.openPage({ signedInAs: representative.email, width: 390, height: 844 })
    await phone.goto(reportUrl)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await hub.accessibilityProblems(phone)).toBe('')
    await screenshot(phone, 'outcomes-report-returned-phone')
    await rep.fill('#figure-jobs_created', '600')
    await rep.getByRole('button', { name: 'Submit to staff' }).click()
    await rep.waitForURL(/notice=submitted/)

    await staff.goto(reportUrl)
    await staff.getByRole('button', { name: 'Verify the report' }).click()
    await staff.waitForURL(/notice=verified/)
    const history = await staff.textContent('#history-heading + ol')
    for (const step of [
      'Submitted (round 1)',
      'Returned for changes (round 1)',
      'Submitted (round 2)',
      'Verified (round 2)',
    ])
      expect(history).toContain(step)
    await screenshot(staff, 'outcomes-report-verified-desktop')

    const visitor = await hub.openPage()
    await visitor.goto(`${hub.base}/organizations/${org.slug}`)
    const outcomes = await visitor.textContent('section[aria-labelledby="outcomes-heading"]')
    expect(outcomes).toContain('600')
    expect(outcomes).toContain('$1,250,000.50')
    expect(outcomes).not.toContain('1,200')

    const expected = formatAmount(jobsBefore + 600, 'count')
    await visitor.goto(`${hub.base}/impact`)
    const allTime = visitor.locator(
      'section[aria-labelledby="all-time-heading"] li[data-metric="jobs_created"] .value',
    )
    expect(await allTime.textContent()).toBe(expected)
    await visitor.goto(`${hub.base}/`)
    expect(
      await visitor.textContent('ul[aria-label="Verified outcomes reported by member communities"]'),
    ).toContain(expected)
  })
})
