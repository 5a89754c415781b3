import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

/** A held call of the demo. */
const HELD = '2026-11-23'
const STAFF = 'staff@example.org'

type Absent = { slug: string; name: string; email: string; full_name: string }

describe('attendance questions in a browser', () => {
  let hub: E2eHub
  /** The representative of an organisation whose seat holders the records miss on HELD. */
  let absent: Absent

  beforeAll(async () => {
    hub = await startE2eHub({
      name: 'attendance-questions',
      signIn: [STAFF],
      expectedConsoleError: ({ text }) => /status of 400/.test(text),
    })
    const [found] = await queryRows<Absent>(
      hub.database.db,
      sql`select o.slug, o.name, p.email, p.full_name
        from seats s join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where s.role = 'representative'
          and s.starts_on <= ${HELD}::date and (s.ends_on is null or s.ends_on > ${HELD}::date)
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)
          and not exists (select 1 from attendance a join calls c on c.id = a.call_id
            join seats h on h.person_id = a.person_id and h.organization_id = o.id
            where c.local_date = ${HELD}::date)
        order by o.name limit 1`,
    )
    if (!found) throw new Error(`no organisation was absent on ${HELD}`)
    absent = found
    await hub.signIn(absent.email)
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors()).toEqual([])
  })
  afterAll(async () => {
    await hub?.stop()
  })

  it('lets a representative ask from the obligations page, with a clear error first', async () => {
    const page = await hub.openPage({ signedInAs: absent.email })
    await page.goto(`${hub.base}/organizations/${absent.slug}/obligations`)
    await Promise.all([
      page.waitForURL(/attendance-questions$/),
      page.getByRole('link', { name: 'Attendance questions' }).click(),
    ])
    expect(await hub.accessibilityProblems(page)).toBe('')
    await Promise.all([
      page.waitForURL(/attendance$/),
      page.getByRole('link', { name: 'November 23, 2026' }).click(),
    ])
    await expect(page.locator('h1').textContent()).resolves.toContain('November 23, 2026')
    await expect(page.getByRole('radio', { name: new RegExp(absent.full_name) }).isChecked()).resolves.toBe(
      true,
    )

    await page.getByRole('button', { name: 'Ask staff' }).click()
    await page.waitForLoadState()
    await expect(page.locator('#appearedAs-error').textContent()).resolves.toContain('Say how you appeared')
    expect(await hub.accessibilityProblems(page)).toBe('')

    await page.getByLabel('Appeared on the call as').fill('iPhone 14')
    await page.getByLabel('Note for staff (optional)').fill('My laptop would not start.')
    await screenshot(page, 'attendance-question-ask-1280')
    await page.setViewportSize({ width: 390, height: 844 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'attendance-question-ask-390')
    await Promise.all([page.waitForURL(/asked=1$/), page.getByRole('button', { name: 'Ask staff' }).click()])
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('sent to staff')
    await expect(page.locator('.question-list').textContent()).resolves.toContain('Waiting for staff')
  })

  it('lets staff accept it, and the call then counts for the organisation', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/attendance-questions`)
    await expect(
      page.getByRole('link', { name: 'Attendance questions' }).getAttribute('aria-current'),
    ).resolves.toBe('page')
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'attendance-questions-staff-1280')
    await page.setViewportSize({ width: 390, height: 844 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'attendance-questions-staff-390')
    const card = page.locator('li.card', { hasText: absent.name })
    await card.getByLabel('Reason (required to decline)').fill('Matched the iPhone in the Zoom report.')
    await Promise.all([
      page.waitForURL(/answered=accepted$/),
      card.getByRole('button', { name: /Accept/ }).click(),
    ])
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Accepted')

    const own = await hub.openPage({ signedInAs: absent.email })
    await own.goto(`${hub.base}/organizations/${absent.slug}/obligations`)
    const row = own.locator('tr', { has: own.locator(`time[datetime="${HELD}"]`) })
    await expect(row.textContent()).resolves.toContain(`Attended by ${absent.full_name}`)
  })
})
