import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { buildDemoNetwork } from '../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const STAFF = 'staff@example.org'
const CALL = '2026-12-07'

/** The email of AMP SoCal's representative on DEMO_TODAY, from the demo network the hub loads. */
const representativeEmail = (() => {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const org = net.organizations.find((o) => o.slug === 'amp-socal')
  const seat = net.seats.find(
    (s) =>
      s.organizationId === org?.id &&
      s.role === 'representative' &&
      s.startsOn <= DEMO_TODAY &&
      (!s.endsOn || DEMO_TODAY < s.endsOn),
  )
  const person = net.people.find((p) => p.id === seat?.personId)
  if (!person) throw new Error('the demo has no representative of AMP SoCal')
  return person.email
})()

describe('the national calls in a browser', () => {
  let hub: E2eHub

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'calls', signIn: [STAFF, representativeEmail] })
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    // Chromium logs the 400 a refused form answers with; anything else counts.
    const errors = hub
      .takePageErrors()
      .filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e))
    expect(errors, 'the page logged errors').toEqual([])
  })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  /** No part of the page is wider than the window (nothing to scroll sideways on a phone). */
  async function expectNoSidewaysScroll(page: Page) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0)
  }

  it('generated the series a year ahead when the hub started', async () => {
    const [last] = await queryRows<{ d: string }>(
      hub.database.db,
      sql`select max(local_date)::text as d from calls where is_series`,
    )
    expect(last?.d && last.d >= '2027-11-26').toBe(true)
  })

  it('staff cancel a call with a reason, and a representative sees it cancelled', async () => {
    const staff = await hub.openPage({ signedInAs: STAFF })
    await staff.goto(`${hub.base}/calls/${CALL}`)
    expect(await staff.textContent('h1')).toBe('National call')
    await screenshot(staff, 'calls-call-staff-desktop')
    await expectAccessible(staff)

    await staff.getByRole('link', { name: 'Cancel the call' }).click()
    await staff.waitForURL(`${hub.base}/staff/calls/${CALL}/cancel`)
    await expectAccessible(staff)
    // Sent empty first: the error is shown next to the field, and nothing changes.
    await staff.getByRole('button', { name: 'Cancel the call' }).click()
    await staff.waitForLoadState()
    expect(await staff.getByRole('alert').textContent()).toContain('Nothing was changed')
    expect(await staff.locator('#cancel-reason-error').textContent()).toContain(
      'Give the reason members will see',
    )
    await screenshot(staff, 'calls-cancel-error-desktop')
    await expectAccessible(staff)

    await staff.getByLabel('Reason').fill('Staff retreat: we meet again on 14 December.')
    await staff.getByRole('button', { name: 'Cancel the call' }).click()
    await staff.waitForURL(`${hub.base}/calls/${CALL}?done=cancelled`)
    expect(await staff.getByRole('status').textContent()).toContain('The call is cancelled.')
    expect(await staff.getByRole('button', { name: 'Reinstate the call' }).isVisible()).toBe(true)

    const member = await hub.openPage({ signedInAs: representativeEmail })
    await member.goto(`${hub.base}/calls`)
    const item = member.locator('.call-list li', { hasText: 'Monday, December 7, 2026' })
    expect(await item.locator('.badge.cancelled').textContent()).toBe('Cancelled')
    expect(await item.textContent()).toContain('Staff retreat: we meet again on 14 December.')
    expect(await member.getByRole('link', { name: 'Add an extra call' }).count()).toBe(0)
    await screenshot(member, 'calls-list-desktop')
    await expectAccessible(member)

    await item.getByRole('link').click()
    await member.waitForURL(`${hub.base}/calls/${CALL}`)
    expect(await member.locator('.call-facts').textContent()).toContain(
      'Cancelled: Staff retreat: we meet again on 14 December.',
    )
    expect(await member.getByRole('link', { name: 'Cancel the call' }).count()).toBe(0)
    await screenshot(member, 'calls-call-cancelled-desktop')
    await expectAccessible(member)
  })

  it('reads well on a 375px phone', async () => {
    const member = await hub.openPage({ signedInAs: representativeEmail, width: 375, height: 812 })
    await member.goto(`${hub.base}/calls`)
    await expectNoSidewaysScroll(member)
    await screenshot(member, 'calls-list-375')
    await expectAccessible(member)
    await member.goto(`${hub.base}/calls/2026-11-23`)
    await expectNoSidewaysScroll(member)
    await screenshot(member, 'calls-call-375')
    await expectAccessible(member)

    const staff = await hub.openPage({ signedInAs: STAFF, width: 375, height: 812 })
    await staff.goto(`${hub.base}/calls/2026-11-30`)
    await expectNoSidewaysScroll(staff)
    await screenshot(staff, 'calls-call-staff-375')
    await expectAccessible(staff)
  })

  it('gives staff accessible forms to add, move and edit calls', async () => {
    const staff = await hub.openPage({ signedInAs: STAFF })
    for (const [path, name] of [
      ['/staff/calls/new', 'calls-new-desktop'],
      ['/staff/calls/2026-11-30/move', 'calls-move-desktop'],
      ['/staff/calls/2026-11-23/edit', 'calls-edit-desktop'],
    ] as const) {
      await staff.goto(`${hub.base}${path}`)
      await screenshot(staff, name)
      await expectAccessible(staff)
    }

    await staff.goto(`${hub.base}/staff/calls/2026-11-30/move`)
    await staff.getByLabel('New date').fill('2026-12-01')
    await staff.getByLabel('New start time').fill('14:30')
    await staff.getByRole('button', { name: 'Move the call' }).click()
    await staff.waitForURL(`${hub.base}/calls/2026-12-01?done=moved`)
    expect(await staff.locator('.lede').textContent()).toContain('Tuesday, December 1, 2026, 2:30 pm ET')
    expect(await staff.locator('.call-facts').textContent()).toContain(
      'From Monday, November 30, 2026, 1:00 pm ET',
    )
    await screenshot(staff, 'calls-moved-desktop')
    await expectAccessible(staff)
  })
})
