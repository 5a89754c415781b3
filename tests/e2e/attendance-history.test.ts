import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createCall } from '../support/factories.ts'

const STAFF = 'staff@example.org'
/** An extra call of the demo's past (a Wednesday: the demo's calls are on Mondays). */
const DATE = '2026-11-18'

describe('importing past attendance from a spreadsheet in a browser', () => {
  let hub: E2eHub
  let dir = ''

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'attendance-history', signIn: [STAFF] })
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-history-e2e-'))
  })
  afterAll(async () => {
    await hub?.stop()
    await rm(dir, { recursive: true, force: true })
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  const historyRows = async () =>
    (
      await queryRows<{ n: number }>(
        hub.database.db,
        sql`select count(*)::int as n from attendance where source = 'history'`,
      )
    )[0]?.n ?? -1

  it('uploads, previews, commits and undoes a file', async () => {
    await createCall(hub.database.db, DATE)
    const file = path.join(dir, 'past-attendance.csv')
    await writeFile(file, `Date,Organization\n11/18/2026,south-kansas\n11/18/2026,AMP SoCal\n`)

    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/attendance/history`)
    expect(await page.textContent('h1')).toBe('Import past attendance')
    expect(await hub.accessibilityProblems(page)).toBe('')
    await page.setInputFiles('#sheet', file)
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.waitForURL(/\/staff\/attendance\/history\/[0-9a-f-]{36}$/)
    expect(await page.textContent('h1')).toBe('Past attendance: past-attendance.csv')
    expect(await page.textContent('.import-figures')).toContain('2will be written')
    await screenshot(page, 'attendance-history-preview-desktop')
    expect(await hub.accessibilityProblems(page)).toBe('')
    expect(await historyRows()).toBe(0)

    await page.getByRole('button', { name: 'Commit 2 attendance records' }).click()
    await page.waitForURL(/notice=committed/)
    expect(await page.textContent('.flash')).toContain('Committed')
    expect(await historyRows()).toBe(2)

    await page.getByRole('button', { name: 'Undo this import' }).click()
    await page.waitForURL(/notice=undone/)
    expect(await page.textContent('.flash')).toContain('Undone')
    expect(await historyRows()).toBe(0)
    await page.getByRole('link', { name: 'All imports of past attendance' }).click()
    expect(await page.locator('table tbody tr').first().textContent()).toContain('Undone')
    await screenshot(page, 'attendance-history-list-desktop')
  })
})
