import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { calls } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { admissionStateSql } from '../../src/features/admission/index.ts'
import { planCallSeries } from '../../src/features/calls/schedule.ts'
import { buildDemoNetwork } from '../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const STAFF = 'staff@example.org'
const ORG_A = 'amp-socal'
const YEAR = 2027

/** AMP SoCal's representative on DEMO_TODAY, from the demo's facts (the hub signs them in at start-up). */
const REPRESENTATIVE = (() => {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const org = net.organizations.find((o) => o.slug === ORG_A)
  const seat = net.seats.find(
    (s) =>
      s.organizationId === org?.id &&
      s.role === 'representative' &&
      s.startsOn <= DEMO_TODAY &&
      (!s.endsOn || s.endsOn > DEMO_TODAY),
  )
  const email = net.people.find((p) => p.id === seat?.personId)?.email
  if (!email) throw new Error(`${ORG_A} has no representative on ${DEMO_TODAY}`)
  return email
})()

describe('planning next year’s presentations in a browser', () => {
  let hub: E2eHub

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'presentations', signIn: [STAFF, REPRESENTATIVE] })
    // The hub keeps the series a year ahead; add the rest of December so that the whole year is there.
    const december = planCallSeries(`${YEAR}-12-01`, `${YEAR}-12-31`, {
      weekday: defaultSettings.callWeekday,
      startTime: defaultSettings.callStartTime,
      timeZone: defaultSettings.callTimeZone,
      durationMinutes: defaultSettings.callDurationMinutes,
      cancelOnHolidays: true,
    })
    await writeAs(hub.database.db, 'system', (tx) =>
      tx
        .insert(calls)
        .values(
          december.map((c) => ({
            ...c,
            status: c.cancelReason ? ('cancelled' as const) : ('scheduled' as const),
            isSeries: true,
            seriesDate: c.localDate,
          })),
        )
        .onConflictDoNothing(),
    )
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

  const slotsOf = () =>
    queryRows<{ slug: string; status: string; callDate: string | null; callStatus: string | null }>(
      hub.database.db,
      sql`select o.slug, p.status, c.local_date::text as "callDate", c.status as "callStatus"
        from presentations p join organizations o on o.id = p.organization_id left join calls c on c.id = p.call_id
        where p.year = ${YEAR} order by o.slug`,
    )

  it('lets the representative ask for June, then staff plan the year, see the table and move a slot', async () => {
    // The representative asks for June 2027, with a title.
    const own = await hub.openPage({ signedInAs: REPRESENTATIVE })
    await own.goto(`${hub.base}/organizations/${ORG_A}/presentation`)
    expect(await own.textContent('h1')).toContain('Annual presentation of')
    await own.selectOption(`#month-${YEAR}`, '6')
    await own.fill(`#title-${YEAR}`, 'Lean cells in aerospace supply chains')
    await own.click(`section[aria-labelledby="heading-${YEAR}"] button[type="submit"]`)
    await own.waitForURL(/saved=2027/)
    expect(await own.textContent('.flash')).toContain(`Saved: you asked for June ${YEAR}.`)
    await screenshot(own, 'presentations-request-desktop')
    await expectAccessible(own)

    // Staff plan the year with one button.
    const page = await hub.openPage({ signedInAs: STAFF })
    await page.goto(`${hub.base}/staff/presentations?year=${YEAR}`)
    expect(await page.textContent('h1')).toBe(`Presentations in ${YEAR}`)
    await expectAccessible(page)
    await page.click('.pres-plan button[type="submit"]')
    await page.waitForURL(/planned=/)
    const [{ n: admitted } = { n: 0 }] = await queryRows<{ n: number }>(
      hub.database.db,
      sql`select count(*)::int as n from organizations o
        where ${admissionStateSql(sql`o.id`, `${YEAR}-01-01`)} in ('admitted', 'reinstated')`,
    )
    expect(await page.textContent('.flash')).toBe(
      `Planned ${admitted} presentations (1 in the month asked for).`,
    )
    const slots = await slotsOf()
    expect(slots).toHaveLength(admitted)
    expect(slots.every((s) => s.status === 'planned' && s.callDate && s.callStatus !== 'cancelled')).toBe(
      true,
    )
    const perCall = new Map<string, number>()
    for (const s of slots) perCall.set(s.callDate ?? '', (perCall.get(s.callDate ?? '') ?? 0) + 1)
    expect(Math.max(...perCall.values())).toBeLessThanOrEqual(2)
    const amp = slots.find((s) => s.slug === ORG_A)
    expect(amp?.callDate).toMatch(/^2027-06-/)

    // The table lists every organisation with its call; AMP SoCal's row says June and shows its title.
    const rows = page.locator('.pres-table tbody tr')
    expect(await rows.count()).toBe(admitted)
    const ampRow = rows.filter({ hasText: 'Lean cells in aerospace supply chains' })
    expect(await ampRow.textContent()).toContain('June')
    expect(await ampRow.textContent()).toContain('Planned')
    await screenshot(page, 'presentations-staff-desktop')
    await expectAccessible(page)

    // The same page on a phone: the table scrolls inside its frame, the page does not.
    const phone = await hub.openPage({ signedInAs: STAFF, width: 375, height: 800 })
    await phone.goto(page.url())
    await screenshot(phone, 'presentations-staff-375')
    await screenshot(phone, 'presentations-staff-375-top', { fullPage: false })
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectAccessible(phone)

    // The representative now sees the slot, on a phone.
    const ownPhone = await hub.openPage({ signedInAs: REPRESENTATIVE, width: 375, height: 800 })
    await ownPhone.goto(`${hub.base}/organizations/${ORG_A}/presentation`)
    expect(await ownPhone.textContent(`section[aria-labelledby="heading-${YEAR}"]`)).toContain(
      `Planned on Monday, June ${Number(amp?.callDate?.slice(8))}, ${YEAR}.`,
    )
    await screenshot(ownPhone, 'presentations-request-375')
    await expectAccessible(ownPhone)

    // Staff move AMP SoCal's slot to the first call of July that has room, from the keyboard.
    await ampRow.locator('a', { hasText: 'Change' }).click()
    await page.waitForURL(/\/staff\/presentations\/[0-9a-f-]{36}$/)
    await expectAccessible(page)
    const options = await page.$$eval('#move-callDate option', (os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
    )
    const july = options.find((o) => o.value.startsWith('2027-07-') && /\(\d of 2 taken\)/.test(o.label))
    if (!july) throw new Error('no call of July 2027 with room')
    await page.selectOption('#move-callDate', july.value)
    await page.focus('#move-callDate')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\?moved$/)
    expect(await page.textContent('.flash')).toContain('Moved to the call of')
    expect((await slotsOf()).find((s) => s.slug === ORG_A)?.callDate).toBe(july.value)
    await screenshot(page, 'presentations-move-desktop')
  })

  it('records a presentation of this year as given for 18 minutes, with a warning', async () => {
    const [row] = await queryRows<{ id: string }>(
      hub.database.db,
      sql`select p.id::text as id from presentations p join calls c on c.id = p.call_id
        where p.year = 2026 and p.status = 'given' and c.local_date < ${DEMO_TODAY}::date order by c.local_date limit 1`,
    )
    const page = await hub.openPage({ signedInAs: STAFF, width: 375, height: 800 })
    await page.goto(`${hub.base}/staff/presentations/${row?.id}`)
    await page.check('#outcome-given')
    await page.fill('#outcome-minutes', '18')
    await page.click('section[aria-labelledby="outcome-heading"] button[type="submit"]')
    await page.waitForURL(/\?recorded$/)
    expect(await page.textContent('.flash')).toBe('Recorded as given, 18 minutes.')
    expect(await page.textContent('.flash.warning')).toContain(
      'Warning: that is outside the 10 to 15 minutes a presentation should last',
    )
    expect(await page.textContent('.facts')).toContain('18 min Outside 10 to 15 minutes')
    await screenshot(page, 'presentations-outcome-375')
    await expectAccessible(page)
  })
})
