import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { buildDemoNetwork } from '../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { questionSharing } from '../../src/features/sharing/question-sharing.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const ORG_A = 'amp-socal'
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

type Row = {
  id: string
  shared_on: string
  audience: string
  channel: string
  question: string | null
  answer: string | null
}

describe('quarterly sharing in a browser', () => {
  let hub: E2eHub
  let representativeEmail: string

  const rowOf = async (id: string) =>
    (
      await queryRows<Row>(
        hub.database.db,
        sql`select id, shared_on::text as shared_on, audience, channel, question, answer
          from sharing_attestations where id = ${id}`,
      )
    )[0]
  const isFocused = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => el === document.activeElement)
  const horizontalOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

  beforeAll(async () => {
    representativeEmail = demoRepresentativeEmail(ORG_A)
    hub = await startE2eHub({ name: 'sharing', signIn: [STAFF, representativeEmail] })
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors()).toEqual([])
  })
  afterAll(async () => {
    await hub?.stop()
  })

  it('lets a representative record a sharing action with the keyboard, staff question it, and the representative answer', async () => {
    const rep = await hub.openPage({ signedInAs: representativeEmail })
    await rep.goto(`${hub.base}/organizations/${ORG_A}/sharing`)
    await expect(rep.locator('h1').textContent()).resolves.toMatch(/^Quarterly sharing of /)
    expect(await hub.accessibilityProblems(rep)).toBe('')

    // The form, from the date to the button, with the keyboard alone.
    await rep.locator('#sharing-sharedOn').focus()
    await rep.keyboard.type('11202026')
    // Tab walks the date's month, day and year before it leaves the field.
    for (let i = 0; i < 3 && (await isFocused(rep, '#sharing-sharedOn')); i++) await rep.keyboard.press('Tab')
    expect(await isFocused(rep, '#sharing-audience')).toBe(true)
    await rep.keyboard.type('Regional partners’ steering committee')
    await rep.keyboard.press('Tab')
    expect(await isFocused(rep, '#sharing-channel')).toBe(true)
    await rep.keyboard.type('Meeting')
    await rep.keyboard.press('Tab')
    const firstBriefing = rep.locator('input[name="briefingIds"]').first()
    const briefingTitle = ((await rep.locator('.sharing-form .choice label').first().textContent()) ?? '')
      .replace(/\(published .*\)/, '')
      .trim()
    expect(await firstBriefing.evaluate((el) => el === document.activeElement)).toBe(true)
    await rep.keyboard.press('Space')
    expect(await firstBriefing.isChecked()).toBe(true)
    await rep.locator('#sharing-description').focus()
    await rep.keyboard.type('Presented the briefing and took questions from the partners.')
    await rep.keyboard.press('Tab')
    expect(await isFocused(rep, '#sharing-evidenceUrl')).toBe(true)
    await rep.keyboard.type('https://amp-socal.example.org/minutes/november')
    await rep.getByRole('button', { name: 'Record the sharing' }).focus()
    await Promise.all([rep.waitForURL(/\/sharing\?year=2026&recorded=/), rep.keyboard.press('Enter')])
    await expect(rep.getByRole('status').first().textContent()).resolves.toContain(
      'Recorded: the sharing of November 20, 2026 with Regional partners’ steering committee.',
    )
    const id = new URL(rep.url()).searchParams.get('recorded') ?? ''
    expect(await rowOf(id)).toMatchObject({
      shared_on: '2026-11-20',
      audience: 'Regional partners’ steering committee',
      channel: 'Meeting',
    })
    const card = rep.locator(`#sharing-${id}`)
    await expect(card.textContent()).resolves.toContain(briefingTitle)
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await screenshot(rep, 'sharing-organization-desktop')

    // Staff find it in the fourth quarter and ask about it.
    const since = hub.sink.messages.length
    const staff = await hub.openPage({ signedInAs: STAFF })
    await staff.goto(`${hub.base}/staff/sharing`)
    await staff.getByLabel('Quarter').selectOption('4')
    await Promise.all([staff.waitForURL(/quarter=4/), staff.getByRole('button', { name: 'Show' }).click()])
    const staffCard = staff.locator(`#sharing-${id}`)
    await staffCard.locator('summary').focus()
    await staff.keyboard.press('Enter')
    await staff.locator(`#question-${id}`).focus()
    await staff.keyboard.type('Which partners attended the meeting?')
    await staff.keyboard.press('Tab')
    await Promise.all([staff.waitForURL(/asked=/), staff.keyboard.press('Enter')])
    await expect(staff.getByRole('status').first().textContent()).resolves.toContain(
      'Your question is on the sharing of November 20, 2026 by',
    )
    await expect(staff.locator(`#sharing-${id}`).textContent()).resolves.toContain(
      'Question awaiting an answer',
    )
    expect(await hub.accessibilityProblems(staff)).toBe('')
    await staff.evaluate(() => window.scrollTo(0, 0))
    await screenshot(staff, 'sharing-staff-desktop', { fullPage: false })
    await staff.locator(`#sharing-${id}`).scrollIntoViewIfNeeded()
    await screenshot(staff, 'sharing-staff-desktop-record', { fullPage: false })
    const email = await hub.waitForEmail(representativeEmail, {
      since,
      subject: /A question about the sharing/,
    })
    expect(email.text).toContain('Which partners attended the meeting?')

    // The representative sees the question at the top, follows the link, and answers it.
    await rep.goto(`${hub.base}/organizations/${ORG_A}/sharing`)
    await rep.getByRole('link', { name: 'the sharing of November 20, 2026' }).click()
    await rep.locator(`#answer-${id}`).focus()
    await rep.keyboard.type('The steering committee of twelve partners.')
    await rep.keyboard.press('Tab')
    await Promise.all([rep.waitForURL(/answered=/), rep.keyboard.press('Enter')])
    await expect(rep.locator(`#sharing-${id}`).textContent()).resolves.toContain(
      'The steering committee of twelve partners.',
    )
    expect(await rowOf(id)).toMatchObject({
      question: 'Which partners attended the meeting?',
      answer: 'The steering committee of twelve partners.',
    })
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await rep.locator(`#sharing-${id}`).scrollIntoViewIfNeeded()
    await screenshot(rep, 'sharing-organization-answered', { fullPage: false })
  })

  it('shows the refused form with its errors, and fits both pages on a phone at 375 pixels', async () => {
    const [record] = await queryRows<{ id: string; staff_id: string }>(
      hub.database.db,
      sql`select s.id, (select id from people where email = ${STAFF}) as staff_id
        from sharing_attestations s join organizations o on o.id = s.organization_id
        where o.slug = ${ORG_A} and s.shared_on >= '2026-01-01' order by s.shared_on desc limit 1`,
    )
    if (!record) throw new Error(`${ORG_A} has no sharing record in 2026`)
    await questionSharing(hub.database.db, 'system', {
      id: record.id,
      question: 'Could you add the newsletter’s address?',
      questionedBy: record.staff_id,
    })

    const rep = await hub.openPage({ signedInAs: representativeEmail, width: 375, height: 800 })
    await rep.goto(`${hub.base}/organizations/${ORG_A}/sharing`)
    expect(await horizontalOverflow(rep)).toBeLessThanOrEqual(0)
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await screenshot(rep, 'sharing-organization-375')
    await screenshot(rep, 'sharing-organization-375-top', { fullPage: false })
    await rep.locator(`#sharing-${record.id}`).scrollIntoViewIfNeeded()
    await screenshot(rep, 'sharing-organization-375-record', { fullPage: false })

    await rep.locator('#sharing-audience').fill('')
    await rep.locator('#sharing-channel').fill('A channel name far longer than anyone would type'.repeat(3))
    await Promise.all([
      rep.waitForLoadState('load'),
      rep.getByRole('button', { name: 'Record the sharing' }).click(),
    ])
    await expect(rep.getByRole('alert').first().textContent()).resolves.toContain(
      'Nothing was recorded: correct the 2 fields marked below.',
    )
    // Chromium logs the 400 this test asks for; nothing else.
    expect(hub.takePageErrors().map((e) => e.replace(/^.*?: /, ''))).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
    expect(await horizontalOverflow(rep)).toBeLessThanOrEqual(0)
    expect(await hub.accessibilityProblems(rep)).toBe('')
    await rep.locator('#sharing-errors').scrollIntoViewIfNeeded()
    await screenshot(rep, 'sharing-organization-375-refused', { fullPage: false })

    const staff = await hub.openPage({ signedInAs: STAFF, width: 375, height: 800 })
    await staff.goto(`${hub.base}/staff/sharing?year=2026&show=questioned`)
    expect(await horizontalOverflow(staff)).toBeLessThanOrEqual(0)
    expect(await hub.accessibilityProblems(staff)).toBe('')
    await expect(staff.locator(`#sharing-${record.id}`).textContent()).resolves.toContain(
      'Could you add the newsletter’s address?',
    )
    await screenshot(staff, 'sharing-staff-375')
    await screenshot(staff, 'sharing-staff-375-top', { fullPage: false })
    await staff.locator(`#sharing-${record.id}`).scrollIntoViewIfNeeded()
    await screenshot(staff, 'sharing-staff-375-record', { fullPage: false })
  })
})
