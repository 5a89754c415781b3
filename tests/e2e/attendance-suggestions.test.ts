import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { reviewNetwork } from '../support/attendance-reports.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { createCall } from '../support/factories.ts'

const STAFF = 'staff@example.org'
const IMPORT_URL = /\/staff\/calls\/[\d-]+\/attendance\/imports\/([0-9a-f-]{36})/

/** The journey issue 13 asks for on both engines: a report's unknown participants matched by their suggestions. */
describe("matching a report's unknown participants through the suggestions, in a browser", () => {
  let hub: E2eHub

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'attendance-suggestions', signIn: [STAFF] })
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  it('goes through ten unknown participants of a 30-person Zoom report by their suggestions, in a few keys', async () => {
    const date = '2026-11-25'
    await createCall(hub.database.db, date)
    const network = await reviewNetwork(hub.database.db, date)
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/calls/${date}/attendance`)
    await page.setInputFiles('#report', { name: 'zoom-30.csv', mimeType: 'text/csv', buffer: network.report })
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await page.waitForURL(IMPORT_URL)
    const importId = page.url().match(IMPORT_URL)?.[1] ?? ''
    const items = page.locator('.review-item')
    expect(await items.count()).toBe(10)
    expect(await page.textContent('#needs-decision')).toContain('Harbor Robotics named in brackets')
    await screenshot(page, 'attendance-review-1280')
    await expectAccessible(page)

    // The steps a person takes: each click and key press from here to the committed import.
    let steps = 0
    const press = async (key: string) => {
      steps++
      await page.keyboard.press(key)
    }
    steps++
    await items.first().locator('input[type="radio"]:checked').click()
    for (const [i, unknown] of network.unknowns.entries()) {
      const item = items.nth(i)
      expect(await item.locator('input:focus').count(), `focus on ${unknown.row.name}`).toBe(1)
      const checked = item.locator('input[type="radio"]:checked')
      if (unknown.expected) expect(await checked.getAttribute('value')).toBe(unknown.expected.id)
      else {
        // No suggestion: "Decide later" is chosen; the option above it is "Guest".
        expect(await checked.getAttribute('value')).toBe('later')
        await press('ArrowUp')
        expect(await item.locator('input[type="radio"]:checked').getAttribute('value')).toBe('guest')
      }
      await press('Enter')
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save these choices')
    await press('Enter')
    await page.waitForURL(/\?reviewed=10/)
    expect(await page.textContent('.flash')).toContain('10 choices saved. Every participant is decided.')
    steps++
    await page.getByRole('button', { name: 'Commit import' }).click()
    await page.waitForURL(/notice=committed/)
    expect(steps).toBeLessThan(25)

    const present = await queryRows<{ person_id: string }>(
      hub.database.db,
      sql`select person_id::text from attendance where import_id = ${importId}::uuid`,
    )
    const expected = [...network.known, ...network.unknowns.flatMap((u) => (u.expected ? [u.expected] : []))]
    expect(present.map((r) => r.person_id).sort()).toEqual(expected.map((p) => p.id).sort())
  })
})
