import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { reviewNetwork } from '../support/attendance-reports.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createCall } from '../support/factories.ts'

const STAFF = 'staff@example.org'
const fixtures = path.resolve(import.meta.dirname, '../fixtures/attendance')
const TEAMS = path.join(fixtures, 'teams_attendance_report_utf16le.csv')
const MEET = path.join(fixtures, 'google_meet_attendance.csv')
const IMPORT_URL = /\/staff\/calls\/[\d-]+\/attendance\/imports\/([0-9a-f-]{36})/

describe('importing a Teams attendance report in a browser', () => {
  let hub: E2eHub

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'attendance-import', signIn: [STAFF] })
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    // Chromium logs the 400 a refused upload answers with; anything else counts.
    const errors = hub
      .takePageErrors()
      .filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e))
    expect(errors, 'the page logged errors').toEqual([])
  })

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(hub.database.db, query))[0]?.n ?? -1
  const importAttendance = (importId: string) =>
    count(sql`select count(*)::int as n from attendance where import_id = ${importId}::uuid`)
  const callAttendance = (date: string) =>
    count(sql`select count(*)::int as n from attendance a join calls c on c.id = a.call_id
      where c.local_date = ${date}::date`)

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  /** Tabs from the top of the page until `selector` has the focus; fails if it never does. */
  async function tabTo(page: Page, selector: string, most = 60) {
    for (let i = 0; i < most; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    }
    throw new Error(`${selector} is not reachable with the Tab key`)
  }

  /** Chooses a report in the upload form and sends it with the keyboard; resolves when the answer is shown. */
  async function uploadWithKeyboard(page: Page, file: string) {
    await page.setInputFiles('#report', file)
    await page.focus('#report')
    await tabTo(page, '.upload-form button[type="submit"]')
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/imports'))
    await page.keyboard.press('Enter')
    return sent
  }

  it('uploads, matches one participant by hand, commits, re-imports the same file and undoes it', async () => {
    const date = '2026-11-23'
    const [holder] = await queryRows<{ id: string; full_name: string; email: string }>(
      hub.database.db,
      sql`select p.id, p.full_name, p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = 'south-kansas' and s.role = 'representative'
          and s.starts_on <= ${date}::date and (s.ends_on is null or s.ends_on > ${date}::date)`,
    )
    if (!holder) throw new Error('south-kansas has no representative on the call’s date')
    const before = await callAttendance(date)

    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/calls/${date}/attendance`)
    expect(await page.textContent('h1')).toBe('Attendance of the call of November 23, 2026')
    await screenshot(page, 'attendance-import-page-desktop')
    await expectAccessible(page)
    await tabTo(page, '#report')

    // The script sends the file itself (the form token in a header shows it did), then follows the answer.
    const request = await uploadWithKeyboard(page, TEAMS)
    expect(request.headers()['x-csrf-token']).toBeTruthy()
    await page.waitForURL(IMPORT_URL)
    const importId = page.url().match(IMPORT_URL)?.[1] ?? ''
    expect(await page.textContent('h1')).toBe('Preview of teams_attendance_report_utf16le.csv')
    expect(await page.textContent('#participants-heading')).toBe('All participants')
    expect(await page.locator('table.participants tbody tr').count()).toBe(6)
    await screenshot(page, 'attendance-import-preview-desktop')
    await expectAccessible(page)

    // Match the first participant that needs a decision to a seat holder of the day, through the search box.
    const item = page.locator('.resolve-item').first()
    const name = (await item.locator('legend strong').textContent()) ?? ''
    const search = item.locator('input.review-other')
    await search.fill(`${holder.full_name} · ${holder.email}`)
    expect(await item.locator('input[type="radio"][value="other"]').isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Save these choices' }).click()
    await page.waitForURL(/\?reviewed=\d+/)
    expect(await page.textContent('.flash')).toMatch(/\d+ choices? saved/)
    expect(name).not.toBe('')
    const row = page.locator('table.participants tbody tr', { hasText: holder.full_name })
    expect(await row.textContent()).toContain('manual')
    expect(await importAttendance(importId)).toBe(0)

    // Commit.
    await page.getByRole('button', { name: 'Commit import' }).click()
    await page.waitForURL(/notice=committed/)
    expect(await page.textContent('.flash')).toContain('The import is committed')
    const recorded = await importAttendance(importId)
    expect(recorded).toBeGreaterThanOrEqual(1)
    expect(await callAttendance(date)).toBe(before + recorded)

    // The same file again: nothing changes.
    await page.getByRole('link', { name: '← Attendance of the call' }).click()
    await page.waitForURL(/\/attendance$/)
    expect(await page.locator('table tbody tr').count()).toBe(1)
    await screenshot(page, 'attendance-import-page-with-import-desktop')
    await uploadWithKeyboard(page, TEAMS)
    await page.waitForURL(/notice=unchanged/)
    expect(page.url()).toContain(importId)
    expect(await page.textContent('.flash')).toMatch(
      /This file was already imported for this call on .+ by .+: nothing changed\./,
    )
    expect(await importAttendance(importId)).toBe(recorded)
    expect(await callAttendance(date)).toBe(before + recorded)

    // Undo: the import's attendance is gone.
    await page.getByRole('button', { name: 'Undo this import' }).click()
    await page.waitForURL(/notice=undone/)
    expect(await page.textContent('.flash')).toContain('The import is undone')
    expect(await importAttendance(importId)).toBe(0)
    expect(await callAttendance(date)).toBe(before)
    await screenshot(page, 'attendance-import-undone-desktop')
    await expectAccessible(page)
  })

  it('shows the suggestions on a phone at 390 pixels', async () => {
    const date = '2026-11-24'
    // The names the other journey matched are remembered: forget them, so that these need a decision.
    await queryRows(hub.database.db, sql`delete from attendance_aliases`)
    await createCall(hub.database.db, date)
    const network = await reviewNetwork(hub.database.db, date)
    const page = await hub.openPage({ signedInAs: STAFF, width: 390, height: 844 })
    await page.goto(`${hub.base}/staff/calls/${date}/attendance`)
    await page.setInputFiles('#report', { name: 'zoom-30.csv', mimeType: 'text/csv', buffer: network.report })
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.waitForURL(IMPORT_URL)
    await screenshot(page, 'attendance-review-390')
    await page.locator('#needs-decision').scrollIntoViewIfNeeded()
    await screenshot(page, 'attendance-review-390-decisions', { fullPage: false })
    await expectAccessible(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  })

  it('fits a phone: the attendance page and a preview at 375 pixels', async () => {
    const page = await hub.openPage({ signedInAs: STAFF, width: 375, height: 800 })
    await page.goto(`${hub.base}/staff/calls/2026-11-16/attendance`)
    await screenshot(page, 'attendance-import-page-375')
    await expectAccessible(page)
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    expect(await fits()).toBe(true)

    await page.setInputFiles('#report', MEET)
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.waitForURL(IMPORT_URL)
    expect(await page.textContent('h1')).toBe('Preview of google_meet_attendance.csv')
    await screenshot(page, 'attendance-import-preview-375')
    await page.locator('#needs-decision').scrollIntoViewIfNeeded()
    await screenshot(page, 'attendance-import-preview-375-decisions', { fullPage: false })
    await page.locator('#participants-heading').scrollIntoViewIfNeeded()
    await screenshot(page, 'attendance-import-preview-375-table', { fullPage: false })
    await expectAccessible(page)
    expect(await fits()).toBe(true)
  })

  it('shows the refusal of a file that is not a report in place, with the form to try again', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/calls/2026-11-09/attendance`)
    await page.setInputFiles('#report', {
      name: 'agenda.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Item,Owner\nBudget,Robin\n'),
    })
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.locator('#report-error').waitFor()
    expect(await page.textContent('#report-error')).toContain('a Zoom participants CSV')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('flash'))).toBe(true)
    await expectAccessible(page)

    // The page it shows is enhanced again: a real report now goes through.
    const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/imports'))
    await page.setInputFiles('#report', MEET)
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    expect((await request).headers()['x-csrf-token']).toBeTruthy()
    await page.waitForURL(IMPORT_URL)
  })

  it('uploads without JavaScript too', async () => {
    const context = await hub.browser.newContext({ javaScriptEnabled: false })
    try {
      await context.addCookies((hub.cookies[STAFF] ?? []).map((c) => ({ ...c, url: hub.base })))
      const page = await context.newPage()
      await page.goto(`${hub.base}/staff/calls/2026-11-02/attendance`)
      await page.setInputFiles('#report', TEAMS)
      await page.getByRole('button', { name: 'Upload and preview' }).click()
      await page.waitForURL(IMPORT_URL)
      expect(await page.textContent('h1')).toBe('Preview of teams_attendance_report_utf16le.csv')
    } finally {
      await context.close()
    }
  })
})
