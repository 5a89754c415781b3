import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { attendance } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { commitImport, findCallByDate, startImport } from '../../src/features/attendance/imports.ts'
import { buildDemoNetwork } from '../../src/features/demo/build-demo.ts'
import { computeYearCompliance } from '../../src/features/obligations/compliance.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { zoomReport } from '../support/attendance-reports.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const STAFF = 'staff@example.org'
const BOARD = 'board@example.org'
const ORG = 'amp-socal'
const YEAR = 2026
/** The set-up leaves the organisation needing this many of its remaining calls. */
const NEEDED = 3

/** The representative of AMP SoCal on DEMO_TODAY, from the demo's own (deterministic) rows. */
function demoRepresentative(): { id: string; email: string; fullName: string } {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const org = net.organizations.find((o) => o.slug === ORG)
  const seat = net.seats.find(
    (s) =>
      s.organizationId === org?.id &&
      s.role === 'representative' &&
      s.startsOn <= DEMO_TODAY &&
      (s.endsOn === null || s.endsOn === undefined || s.endsOn > DEMO_TODAY),
  )
  const person = net.people.find((p) => p.id === seat?.personId)
  if (!person?.id) throw new Error(`the demo has no representative of ${ORG} on ${DEMO_TODAY}`)
  return { id: person.id, email: person.email, fullName: person.fullName }
}

describe('obligations pages in a browser', () => {
  const representative = demoRepresentative()
  let hub: E2eHub
  let orgId: string
  /** Held calls of the year on which the representative was the seat holder and was not counted present. */
  let missed: string[] = []

  const compliance = async () => {
    const [row] = await computeYearCompliance(hub.database.db, {
      year: YEAR,
      today: DEMO_TODAY,
      organizationIds: [orgId],
    })
    if (!row) throw new Error(`${ORG} has no obligations in ${YEAR}`)
    return row.obligations
  }

  /** Held calls the representative held the seat for, attended or not. */
  const representativeCalls = async () => {
    const seats = await queryRows<{ starts_on: string; ends_on: string | null }>(
      hub.database.db,
      sql`select starts_on::text as starts_on, ends_on::text as ends_on from seats
        where organization_id = ${orgId}::uuid and person_id = ${representative.id}::uuid
          and role = 'representative'`,
    )
    const holds = (date: string) =>
      seats.some((s) => s.starts_on <= date && (s.ends_on === null || s.ends_on > date))
    return (await compliance()).calls.filter((c) => c.isHeld && holds(c.localDate))
  }

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'obligations', signIn: [STAFF, BOARD, representative.email] })
    const [org] = await queryRows<{ id: string }>(
      hub.database.db,
      sql`select id from organizations where slug = ${ORG}`,
    )
    orgId = org?.id ?? ''

    // Make the representative's page say "needs 3 of the remaining R calls": record (or remove)
    // the representative's demo attendance on enough held calls. The rest stay missed.
    const { attendance: a } = await compliance()
    if (a.remaining < NEEDED + 1) throw new Error(`${ORG} has only ${a.remaining} calls left in ${YEAR}`)
    const change = a.target - a.attended - NEEDED
    const calls = await representativeCalls()
    const absent = calls.filter((c) => !c.isAttended)
    const present = calls.filter((c) => c.isAttended && c.presentSeatHolders.length === 1)
    const ids = (list: typeof calls) => list.map((c) => sql`${c.callId}::uuid`)
    await writeAs(hub.database.db, 'system', async (tx) => {
      if (change > 0) {
        const toAdd = absent.slice(0, change)
        if (toAdd.length < change || absent.length === change)
          throw new Error('not enough missed calls to work with')
        await tx.execute(
          sql`delete from attendance where person_id = ${representative.id}::uuid and import_id is null
            and call_id in (${sql.join(ids(toAdd), sql`, `)})`,
        )
        await tx.insert(attendance).values(
          toAdd.map((c) => ({
            callId: c.callId,
            personId: representative.id,
            seconds: 1800,
            source: 'demo' as const,
          })),
        )
      } else if (change < 0) {
        const toRemove = present
          .filter((c) => c.presentSeatHolders[0] === representative.id)
          .slice(0, -change)
        if (toRemove.length < -change) throw new Error('not enough attended calls to work with')
        await tx.execute(
          sql`delete from attendance where person_id = ${representative.id}::uuid
            and call_id in (${sql.join(ids(toRemove), sql`, `)})`,
        )
      }
    })
    missed = (await representativeCalls()).filter((c) => !c.isAttended).map((c) => c.localDate)
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

  it('shows the representative "needs N of the remaining R calls", and one fewer after attendance is imported', async () => {
    const before = (await compliance()).attendance
    expect(before.outlook).toBe('needs')
    expect(before.needed).toBe(NEEDED)
    const page = await hub.openPage({ signedInAs: representative.email })
    await page.goto(`${hub.base}/organizations/${ORG}/obligations`)
    expect(await page.textContent('h1')).toBe(`Our obligations in ${YEAR}`)
    const projection = page.locator('.projection')
    expect((await projection.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `Attendance: needs ${NEEDED} of the remaining ${before.remaining} calls`,
    )
    expect(await page.locator('.attendance-line').textContent()).toContain(
      `Attended ${before.attended} of ${before.held} held calls`,
    )
    await screenshot(page, 'obligations-own-desktop')
    await expectAccessible(page)

    // Staff import a Zoom report for a call the representative missed: they were there 30 minutes.
    const date = missed.at(-1) ?? ''
    const row = page.locator('table.obligation-calls tbody tr', {
      has: page.locator(`time[datetime="${date}"]`),
    })
    expect(await row.locator('td').nth(2).textContent()).toContain('Not attended')
    const call = await findCallByDate(hub.database.db, date)
    if (!call) throw new Error(`no call on ${date}`)
    const staff = await personByEmail(hub.database.db, STAFF)
    const by = { personId: staff?.id ?? null, actor: `person:${staff?.id}` as const }
    const started = await startImport(hub.database.db, {
      call,
      fileName: `zoom-${date}.csv`,
      bytes: zoomReport(date, [{ name: representative.fullName, email: representative.email, minutes: 30 }]),
      via: 'cli',
      by,
    })
    expect(started.kind).toBe('preview')
    expect(await commitImport(hub.database.db, { importId: started.importId, by })).toBe('committed')

    await page.reload()
    expect((await projection.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `Attendance: needs ${NEEDED - 1} of the remaining ${before.remaining} calls`,
    )
    expect(await page.locator('.attendance-line').textContent()).toContain(
      `Attended ${before.attended + 1} of ${before.held} held calls`,
    )
    expect((await row.locator('td').nth(2).textContent())?.replace(/\s+/g, ' ')).toContain(
      `Attended by ${representative.fullName}`,
    )
  })

  it('fits a phone: the organisation page at 375 pixels', async () => {
    const page = await hub.openPage({ signedInAs: representative.email, width: 375, height: 800 })
    await page.goto(`${hub.base}/organizations/${ORG}/obligations`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await screenshot(page, 'obligations-own-phone')
    await expectAccessible(page)
  })

  it('lets the board filter and sort the network, download the CSV, and read the charts', async () => {
    const page = await hub.openPage({ signedInAs: BOARD })
    await page.goto(`${hub.base}/staff/obligations`)
    expect(await page.textContent('h1')).toBe(`Obligations across the network in ${YEAR}`)
    expect(await page.locator('svg.heat-map[role="img"]').count()).toBe(1)
    expect(await page.locator('svg.rate-chart[role="img"]').count()).toBe(1)
    const all = await page.locator('table.network-table tbody tr').count()
    expect(all).toBeGreaterThan(10)
    await screenshot(page, 'obligations-network-desktop')
    await expectAccessible(page)

    // Filter with the form, from the keyboard.
    await page.selectOption('#filter-status', 'not_compliant')
    await page.focus('#filter-category')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForURL(/status=not_compliant/)
    const kept = await page.locator('table.network-table tbody tr').count()
    expect(kept).toBeLessThan(all)
    expect(
      await page.locator('table.network-table tbody .badge.obligation-status').allTextContents(),
    ).toEqual(Array(kept).fill('Not compliant'))

    // Sort by rate, highest first (two clicks), keeping the filter.
    await page.getByRole('link', { name: /^Rate/ }).click()
    await page.waitForURL(/sort=rate/)
    await page.getByRole('link', { name: /^Rate/ }).click()
    await page.waitForURL(/dir=desc/)
    expect(page.url()).toContain('status=not_compliant')
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending')
    const rates = (await page.locator('table.network-table tbody td:nth-of-type(4)').allTextContents()).map(
      (r) => Number.parseInt(r, 10),
    )
    expect(rates).toEqual([...rates].sort((x, y) => y - x))

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`obligations-${YEAR}-not_compliant.csv`)

    // The text alternatives open from the keyboard.
    const summary = page.getByText('The heat map as a table')
    await summary.focus()
    await page.keyboard.press('Enter')
    expect(await page.locator('table.heat-table tbody tr').count()).toBe(kept)
    await page.getByText('The rates as a table').click()
    await screenshot(page, 'obligations-network-filtered-desktop')
    await expectAccessible(page)
  })

  it('fits a phone: the network view at 375 pixels, with the wide parts scrolling on their own', async () => {
    const page = await hub.openPage({ signedInAs: STAFF, width: 375, height: 800 })
    await page.goto(`${hub.base}/staff/obligations`)
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 376)
        .filter((e) => {
          // Inside a part that scrolls on its own is fine.
          for (let p = e.parentElement; p; p = p.parentElement)
            if (getComputedStyle(p).overflowX !== 'visible') return false
          return true
        })
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.getAttribute('class')} ${Math.round(e.getBoundingClientRect().right)}`),
    )
    await screenshot(page, 'obligations-network-phone')
    expect(wide, 'elements wider than the phone').toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await expectAccessible(page)
  })
})
