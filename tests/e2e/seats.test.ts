import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '#src/lib/dates.ts'
import { writeAs } from '../../src/db/actor.ts'
import { admissionEvents, organizations, people, seats } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { seatHolderOn } from '../../src/features/seats/seat-holders.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const STAFF = 'staff@example.org'
const ORG_A = 'amp-socal'
const SUSPENDED = 'greater-portland-maine'
const NEW_ORG = 'lakeshore-makers'
const OTHER_ORG = 'southwest-alabama'

describe('seats and admission status in a browser', () => {
  let hub: E2eHub
  let base: string
  let orgAId: string
  let alternateName: string
  let representative: string
  let otherRepresentative: string

  beforeAll(async () => {
    hub = await startE2eHub({
      name: 'seats',
      signIn: [STAFF],
      // Chromium logs the 400 these tests ask for; any other error counts.
      expectedConsoleError: ({ text }) =>
        /^Failed to load resource: the server responded with a status of 400/.test(text),
    })
    base = hub.base
    const { database } = hub

    const holders = await queryRows<{ org_id: string; role: string; email: string; full_name: string }>(
      database.db,
      sql`select o.id as org_id, s.role, p.email, p.full_name from seats s
        join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where o.slug = ${ORG_A} and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    const holder = holders.find((h) => h.role === 'representative')
    const alternate = holders.find((h) => h.role === 'alternate')
    if (!holder || !alternate) throw new Error(`${ORG_A} lacks a seat holder on ${DEMO_TODAY}`)
    orgAId = holder.org_id
    alternateName = alternate.full_name

    // An admitted organisation whose representative seat nobody holds.
    await writeAs(database.db, 'system', async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({ slug: NEW_ORG, name: 'Lakeshore Makers Alliance', category: 'member', states: ['MI'] })
        .returning({ id: organizations.id })
      const id = org?.id ?? ''
      await tx.insert(admissionEvents).values({
        organizationId: id,
        kind: 'admitted',
        effectiveOn: '2026-10-01',
        reason: 'Board approval.',
      })
      const [alt] = await tx
        .insert(people)
        .values({ fullName: 'Ali Alternate', email: 'ali.alternate@example.org', organizationId: id })
        .returning({ id: people.id })
      await tx
        .insert(seats)
        .values({ organizationId: id, role: 'alternate', personId: alt?.id ?? '', startsOn: '2026-10-01' })
    })

    representative = holder.email
    await hub.signIn(representative)
    const [other] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = ${OTHER_ORG} and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    otherRepresentative = other?.email ?? ''
    await hub.signIn(otherRepresentative)
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /** A page in a fresh context signed in as `email` (CSP bypassed for axe). */
  const openPage = (email: string) => hub.openPage({ signedInAs: email })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  const rowTexts = async (page: Page) =>
    (await page.locator('table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())

  it('lets the representative see the seats, their history and the forms, accessibly', async () => {
    const page = await openPage(representative)
    const response = await page.goto(`${base}/organizations/${ORG_A}/seats`)
    expect(response?.status()).toBe(200)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Seats of Advanced Manufacturing Partnership for Southern California',
    )
    expect(await page.getByLabel('From', { exact: true }).first().inputValue()).toBe(DEMO_TODAY)
    await expectAccessible(page)
    await screenshot(page, 'seats-page')
  })

  it('keeps what was typed and says what is expected when the handover form is wrong', async () => {
    const page = await openPage(representative)
    await page.goto(`${base}/organizations/${ORG_A}/seats`)
    await page.getByLabel('Email address of the new holder').fill('not an email')
    await page.getByLabel('Full name of the new holder').fill('Typed Name')
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/seats/handover')),
      page.getByRole('button', { name: 'Hand over the seat' }).click(),
    ])
    expect(answer.status()).toBe(400)
    await page.waitForSelector('#handover-email-error')
    expect(await page.locator('#handover-role-error').textContent()).toBe(
      'Choose the seat to hand over: representative or alternate.',
    )
    expect(await page.locator('#handover-email-error').textContent()).toBe(
      'Enter the email address of the new holder, such as name@example.org.',
    )
    expect(await page.getByLabel('Full name of the new holder').inputValue()).toBe('Typed Name')
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was changed')
    await expectAccessible(page)
    await screenshot(page, 'seats-handover-errors')
  })

  it('hands the alternate seat to a new person through the form, and shows the history', async () => {
    const sent = hub.sink.messages.length
    const page = await openPage(representative)
    await page.goto(`${base}/organizations/${ORG_A}/seats`)
    await page.getByLabel('Seat', { exact: true }).selectOption('alternate')
    await page.getByLabel('Email address of the new holder').fill('morgan.newseat@example.org')
    await page.getByLabel('Full name of the new holder').fill('Morgan Newseat')
    // The date stays at today.
    await Promise.all([
      page.waitForURL(/\/seats\?handed=/),
      page.getByRole('button', { name: 'Hand over the seat' }).click(),
    ])
    expect(await page.getByRole('status').textContent()).toBe(
      'Morgan Newseat holds the alternate seat from November 26, 2026. We emailed them an invitation to choose a password.',
    )
    // Today's alternate, the second holder listed.
    const alternateToday = (await page.locator('dl.facts dd').nth(1).textContent())?.replace(/\s+/g, ' ')
    expect(alternateToday).toBe('Morgan Newseat (morgan.newseat@example.org)')
    const rows = await rowTexts(page)
    expect(rows[0]).toBe(
      'Morgan Newseat morgan.newseat@example.org Alternate November 26, 2026 Still holds it',
    )
    expect(rows.find((r) => r.startsWith(alternateName))).toMatch(
      /Alternate \w+ \d+, \d{4} November 25, 2026$/,
    )
    await expectAccessible(page)
    await screenshot(page, 'seats-after-handover')

    // The records say the same, for the day before and the day of.
    const on = async (date: string) =>
      (await seatHolderOn(hub.database.db, { organizationId: orgAId, role: 'alternate', onDate: date }))
        ?.fullName
    expect(await on(addDays(DEMO_TODAY, -1))).toBe(alternateName)
    expect(await on(DEMO_TODAY)).toBe('Morgan Newseat')
    // And the invitation went out (to the hub's SMTP server, the sink).
    await hub.waitForEmail('morgan.newseat@example.org', { since: sent })
  })

  it('shows staff an incomplete organisation with its badge', async () => {
    const page = await openPage(STAFF)
    await page.goto(`${base}/organizations/${NEW_ORG}/seats`)
    expect(await page.locator('.badge.incomplete').textContent()).toBe('Incomplete: no representative')
    expect(await page.getByLabel('Seat', { exact: true }).inputValue()).toBe('representative')
    await expectAccessible(page)
    await screenshot(page, 'seats-incomplete')
  })

  it('lets staff suspend an organisation with a reason, which leaves the directory', async () => {
    const page = await openPage(STAFF)
    const response = await page.goto(`${base}/staff/organizations/${SUSPENDED}/status`)
    expect(response?.status()).toBe(200)
    await expectAccessible(page)
    await screenshot(page, 'organization-status')
    await page.getByLabel('Change', { exact: true }).selectOption('suspend')
    await page.getByLabel('Reason').fill('Dues unpaid for two years.')
    await Promise.all([
      page.waitForURL(/\/status\?recorded=/),
      page.getByRole('button', { name: 'Record the change' }).click(),
    ])
    expect(await page.getByRole('status').textContent()).toBe('Recorded: suspended from November 26, 2026.')
    expect((await rowTexts(page))[0]).toMatch(
      /^November 26, 2026 Suspended Dues unpaid for two years\. .* [ap]m ET by Robin Castellano$/,
    )
    await expectAccessible(page)
    await screenshot(page, 'organization-status-suspended')
    await page.goto(`${base}/directory`)
    expect(await page.locator(`a[href="/organizations/${SUSPENDED}"]`).count()).toBe(0)
  })

  it('tells a representative who hands over their own seat from today that it is done', async () => {
    const page = await openPage(otherRepresentative)
    await page.goto(`${base}/organizations/${OTHER_ORG}/seats`)
    await page.getByLabel('Seat', { exact: true }).selectOption('representative')
    await page.getByLabel('Email address of the new holder').fill('quinn.successor@example.org')
    await page.getByLabel('Full name of the new holder').fill('Quinn Successor')
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/seats/handover')),
      page.getByRole('button', { name: 'Hand over the seat' }).click(),
    ])
    expect(answer.status()).toBe(200)
    await page.waitForLoadState()
    expect(await page.getByRole('status').textContent()).toBe(
      'Quinn Successor holds the representative seat from November 26, 2026. We emailed them an invitation to choose a password.',
    )
    await expectAccessible(page)
    await screenshot(page, 'seats-own-seat-handed-over')
  })
})
