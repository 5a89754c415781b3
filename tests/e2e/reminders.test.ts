import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { UNSUBSCRIBE_PATH, unsubscribeToken } from '../../src/features/reminders/unsubscribe.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, e2eAuthSecret, startE2eHub } from '../support/e2e-hub.ts'

const NAME = 'reminders'

describe('stopping a reminder from its email link, in a browser', () => {
  let hub: E2eHub
  let personId: string

  beforeAll(async () => {
    hub = await startE2eHub({ name: NAME })
    const [person] = await queryRows<{ id: string }>(
      hub.database.db,
      sql`select p.id from seats s join people p on p.id = s.person_id join organizations o on o.id = s.organization_id
        where o.slug = 'amp-socal' and s.role = 'representative' and s.ends_on is null`,
    )
    if (!person) throw new Error('the demo has no representative of AMP SoCal')
    personId = person.id
  })
  afterAll(async () => {
    await hub?.stop()
  })

  it('confirms, stops that kind only, and says so, without signing in', async () => {
    const token = unsubscribeToken({ personId, kind: 'sharing_due' }, e2eAuthSecret(NAME))
    const page = await hub.openPage()
    await page.goto(`${hub.base}${UNSUBSCRIBE_PATH}?token=${token}`)
    expect(await page.locator('h1').textContent()).toBe('Stop reminder emails')
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'reminders-unsubscribe')
    // The link opened from an email client: the form posts with this page's own origin.
    await page.getByRole('button', { name: 'Stop these emails' }).press('Enter')
    await page.waitForLoadState('networkidle')
    expect(await page.locator('.flash').textContent()).toContain('You will no longer get the emails')
    await screenshot(page, 'reminders-unsubscribed')
    const rows = await queryRows<{ kind: string; enabled: boolean }>(
      hub.database.db,
      sql`select kind, enabled from reminder_preferences where person_id = ${personId}::uuid`,
    )
    expect(rows).toEqual([{ kind: 'sharing_due', enabled: false }])
    expect(hub.takePageErrors()).toEqual([])
  })

  it('refuses a changed link with a page that says what to do', async () => {
    const token = unsubscribeToken({ personId, kind: 'at_risk' }, e2eAuthSecret(NAME))
    const page = await hub.openPage()
    const response = await page.goto(`${hub.base}${UNSUBSCRIBE_PATH}?token=${token.slice(0, -2)}xx`)
    expect(response?.status()).toBe(404)
    expect(await page.textContent('main')).toContain('This unsubscribe link is not valid')
  })
})
