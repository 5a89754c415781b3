import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { validateIcs } from '../../src/features/calendar/ics-validate.ts'
import { buildDemoNetwork } from '../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

/** A held call of the demo. */
const HELD = '2026-11-23'
const STAFF = 'staff@example.org'

/** The email of an organisation's representative on DEMO_TODAY, from the demo network (the same on every run). */
function demoRepresentativeEmail(slug: string): string {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const org = net.organizations.find((o) => o.slug === slug)
  const seat = net.seats.find(
    (s) =>
      s.organizationId === org?.id &&
      s.role === 'representative' &&
      s.startsOn <= DEMO_TODAY &&
      (!s.endsOn || s.endsOn > DEMO_TODAY),
  )
  const email = net.people.find((p) => p.id === seat?.personId)?.email
  if (!email) throw new Error(`the demo has no representative of ${slug} on ${DEMO_TODAY}`)
  return email
}

type Holder = { org_id: string; org_name: string; role: string; person_id: string; full_name: string }

describe('the roll call and the calendar feeds in a browser', () => {
  let hub: E2eHub
  /** An organisation whose two seat holders were not on the call, by the demo's records. */
  let absent: { rep: Holder; alt: Holder }
  let representativeEmail: string

  beforeAll(async () => {
    representativeEmail = demoRepresentativeEmail('amp-socal')
    hub = await startE2eHub({ name: 'roll-call', signIn: [STAFF, representativeEmail] })

    const holders = await queryRows<Holder>(
      hub.database.db,
      sql`select o.id::text as org_id, coalesce(o.short_name, o.name) as org_name, s.role,
          p.id::text as person_id, p.full_name
        from seats s join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where s.starts_on <= ${HELD}::date and (s.ends_on is null or s.ends_on > ${HELD}::date)
          and not exists (select 1 from attendance a join calls c on c.id = a.call_id
            where c.local_date = ${HELD}::date and a.person_id = s.person_id)
        order by o.name`,
    )
    const pairs = [...new Set(holders.map((h) => h.org_id))]
      .map((id) => ({
        rep: holders.find((h) => h.org_id === id && h.role === 'representative'),
        alt: holders.find((h) => h.org_id === id && h.role === 'alternate'),
      }))
      .filter((p): p is { rep: Holder; alt: Holder } => Boolean(p.rep && p.alt))
    if (!pairs[0]) throw new Error(`no organisation was wholly absent on ${HELD}`)
    absent = pairs[0]
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors()).toEqual([])
  })
  afterAll(async () => {
    await hub?.stop()
  })

  it('lets staff tick two people with the keyboard, save, and see the count go up', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/calls/${HELD}/roll-call`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Roll call of November 23, 2026')
    const countText = async () => (await page.locator('.roll-count strong').textContent()) ?? ''
    const before = (await countText()).match(/^(\d+) of (\d+) organisations present$/)
    expect(before).not.toBeNull()
    const [counting, total] = [Number(before?.[1]), Number(before?.[2])]

    const repLabel = `${absent.rep.full_name}, representative of ${absent.rep.org_name}`
    const altLabel = `${absent.alt.full_name}, alternate of ${absent.alt.org_name}`
    const rep = page.getByRole('checkbox', { name: repLabel, exact: true })
    const alt = page.getByRole('checkbox', { name: altLabel, exact: true })
    await expect(rep.isChecked()).resolves.toBe(false)

    // Tab from the save button at the top reaches the first box; the boxes follow in order.
    await page.getByRole('button', { name: 'Save the roll call' }).first().focus()
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).type)).resolves.toBe(
      'checkbox',
    )
    await rep.focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await expect(alt.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.press('Space')
    await expect(rep.isChecked()).resolves.toBe(true)
    await expect(alt.isChecked()).resolves.toBe(true)

    await page.getByRole('button', { name: 'Save the roll call' }).last().focus()
    await Promise.all([page.waitForURL(/roll-call\?saved=1$/), page.keyboard.press('Enter')])
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Saved: 2 present')
    await expect(rep.isChecked()).resolves.toBe(true)
    await expect(alt.isChecked()).resolves.toBe(true)
    await expect(countText()).resolves.toBe(`${counting + 1} of ${total} organisations present`)
    const status = page.locator(`#org-${absent.rep.org_id}`).locator('xpath=..').locator('.roll-status')
    await expect(status.textContent()).resolves.toBe('Counts')

    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'roll-call-desktop', { fullPage: false })
    await rep.scrollIntoViewIfNeeded()
    await screenshot(page, 'roll-call-desktop-ticked', { fullPage: false })

    const rows = await queryRows<{ source: string; seconds: number }>(
      hub.database.db,
      sql`select a.source, a.seconds from attendance a join calls c on c.id = a.call_id
        where c.local_date = ${HELD}::date and a.person_id in (${absent.rep.person_id}::uuid, ${absent.alt.person_id}::uuid)`,
    )
    expect(rows).toEqual([
      { source: 'roll_call', seconds: 1800 },
      { source: 'roll_call', seconds: 1800 },
    ])
  })

  it('fits a phone at 375 pixels, with every box still labelled', async () => {
    const page = await hub.openPage({ signedInAs: STAFF, width: 375, height: 800 })
    await page.goto(`${hub.base}/staff/calls/${HELD}/roll-call`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'roll-call-375', { fullPage: false })
    await page
      .getByRole('checkbox', { name: `${absent.rep.full_name}, representative of ${absent.rep.org_name}` })
      .scrollIntoViewIfNeeded()
    await screenshot(page, 'roll-call-375-row', { fullPage: false })
  })

  it('says when the roll call of a call still to come opens, and leads back to the call', async () => {
    const page = await hub.openPage({ signedInAs: STAFF })
    const response = await page.goto(`${hub.base}/staff/calls/2026-11-30/roll-call`)
    expect(response?.status()).toBe(200)
    expect(await page.textContent('.upcoming-call')).toContain(
      'Its roll call opens on Monday, November 30, 2026, the day of the call',
    )
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'roll-call-upcoming', { fullPage: false })
    await page.getByRole('link', { name: '← Back to the call of November 30, 2026' }).click()
    await page.waitForURL(/\/calls\/2026-11-30$/)
  })

  it('lets a representative create a private feed whose address is shown once and works', async () => {
    const page = await hub.openPage({ signedInAs: representativeEmail })
    await page.goto(`${hub.base}/account/calendar`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Calendar feeds')
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'account-calendar-before')

    await page.getByRole('button', { name: 'Create my private feed' }).focus()
    await Promise.all([page.waitForURL(/\/account\/calendar\/feed$/), page.keyboard.press('Enter')])
    const address = await page.getByLabel('Address of your private feed').inputValue()
    expect(address).toMatch(/\/calendar\/people\/[A-Za-z0-9_-]{43}\.ics$/)
    await expect(
      page.getByText('Copy the address now: it is shown only this once.').isVisible(),
    ).resolves.toBe(true)
    expect(await hub.accessibilityProblems(page)).toBe('')
    await screenshot(page, 'account-calendar-created')

    const feed = await fetch(`${hub.base}${new URL(address).pathname}`)
    expect(feed.status).toBe(200)
    const text = await feed.text()
    expect(validateIcs(text)).toEqual([])
    expect(text).toContain('SUMMARY:Presentation: AMP SoCal')

    const narrow = await hub.openPage({ signedInAs: representativeEmail, width: 375, height: 800 })
    await narrow.goto(`${hub.base}/account/calendar`)
    expect(
      await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await screenshot(narrow, 'account-calendar-375')
  })
})
