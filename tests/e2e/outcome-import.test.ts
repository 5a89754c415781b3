import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createOrganization } from '../support/factories.ts'

const STAFF = 'staff@example.org'
const PAGE = '/staff/outcomes/import'

describe("importing a year's outcome figures in a browser", () => {
  let hub: E2eHub
  let dir = ''

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'outcome-import', signIn: [STAFF] })
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-outcome-import-e2e-'))
    await createOrganization(hub.database.db, {
      name: 'Lakeshore Machining Alliance',
      slug: 'lakeshore-machining',
    })
    await createOrganization(hub.database.db, { name: 'Piedmont Fabricators', slug: 'piedmont-fabricators' })
  })
  afterAll(async () => {
    await hub?.stop()
    await rm(dir, { recursive: true, force: true })
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  const imported = async () =>
    (
      await queryRows<{ n: number }>(
        hub.database.db,
        sql`select count(*)::int as n from outcome_reports where import_id is not null and status = 'verified'`,
      )
    )[0]?.n ?? -1

  it('uploads a sheet, shows its bad row, then previews and commits a corrected one', async () => {
    const bad = path.join(dir, 'outcomes-bad.csv')
    await writeFile(
      bad,
      'Organization,Jobs created,Private investment leveraged\nLakeshore Machinists,12,\nPiedmont Fabricators,3,"$1,234.567"\n',
    )
    const good = path.join(dir, 'outcomes-2025.csv')
    await writeFile(
      good,
      [
        'Organization,Jobs created,Workers trained,Private investment leveraged,Public funding won',
        'lakeshore-machining,120,45,"$1,234,567.89",',
        'Piedmont Fabricators,"1,953",,"250000",$0.01',
      ].join('\n'),
    )

    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}${PAGE}`)
    expect(await page.textContent('h1')).toBe('Import outcome figures')
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'outcome-import-desktop')

    await page.selectOption('#year', '2025')
    await page.setInputFiles('#sheet', bad)
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.waitForURL(/\/staff\/outcomes\/import\/[0-9a-f-]{36}$/)
    const problems = await page.textContent('table')
    expect(problems).toContain('Private investment leveraged "$1,234.567" is not right')
    expect(problems).toContain('No organization is called "Lakeshore Machinists"')
    expect(await page.getByRole('button', { name: /^Commit/ }).count()).toBe(0)
    expect(await hub.accessibilityProblems(page)).toBe('')
    await page.getByRole('button', { name: 'Discard this preview' }).click()
    await page.waitForURL(/notice=discarded/)

    await page.selectOption('#year', '2025')
    await page.setInputFiles('#sheet', good)
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.waitForURL(/\/staff\/outcomes\/import\/[0-9a-f-]{36}$/)
    expect(await page.textContent('h1')).toBe('Outcome figures for 2025: outcomes-2025.csv')
    const preview = await page.textContent('table')
    expect(preview).toContain('$1,234,567.89')
    expect(preview).toContain('$0.01')
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'outcome-import-preview-desktop')
    expect(await imported()).toBe(0)

    await page.getByRole('button', { name: 'Commit 2 verified reports' }).click()
    await page.waitForURL(/notice=committed/)
    expect(await page.textContent('.flash')).toContain('Committed')
    expect(await imported()).toBe(2)
    expect(await hub.accessibilityProblems(page)).toBe('')
    await page.getByRole('link', { name: 'All imports of outcome figures' }).click()
    expect(await page.locator('table tbody tr').first().textContent()).toContain('Committed')
  })

  it('fits a phone', async () => {
    const page = await hub.openPage({ signedInAs: STAFF, width: 390, height: 844 })
    await page.goto(`${hub.base}${PAGE}`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'outcome-import-phone')
    await page.locator('table tbody tr a').first().click()
    await page.waitForURL(/\/staff\/outcomes\/import\/[0-9a-f-]{36}/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'outcome-import-done-phone')
  })
})
