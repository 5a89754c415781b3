import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuth } from '#src/http/auth.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { loadConfig } from '../../src/config.ts'
import { type RunningHub, startHub } from '../../src/server.ts'
import { checkAccessibility, launchBrowser, screenshot } from '../support/browser.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  recordAdmission,
  seatHolder,
} from '../support/factories.ts'
import { testClock } from '../support/fixtures.ts'
import { GRANTS_SAMPLE } from '../support/grants-factories.ts'
import { createLibraryItem, type TestLibraryItem } from '../support/library-factories.ts'
import { signInCookies } from '../support/sign-in-as.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/** A day on which the sample's Defense Industrial Base pilots are open (they close on 28 February 2025). */
const TODAY = '2025-02-03'
const SECRET = 'e2e-secret-for-funding-that-is-long-enough'
const PILOTS = 'Defense Industrial Base Workforce Pilots (SYNTHETIC SAMPLE)'
const REGIONAL = 'Regional Manufacturing Ecosystem'
const MEMBERS_NOTE = 'Members: the pilots fit our aerospace communities.'

/*
 * The hub runs on a day of the sample's (startE2eHub's demo network lives in 2026), with a staff
 * member and an admitted community focused on aerospace and defense, its representative signed in.
 */
describe('federal funding in a browser: staff import the extract, a representative sees what fits', () => {
  let database: TestDatabase
  let hub: RunningHub
  let browser: Browser
  let dataDir: string
  let briefing: TestLibraryItem
  const cookies: Record<'staff' | 'representative' | 'visitor', { name: string; value: string }[]> = {
    staff: [],
    representative: [],
    visitor: [],
  }
  const problems: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    const staff = await createPerson(database.db, { role: 'staff', since: '2024-01-01' })
    const community = await createOrganization(database.db, {
      name: 'Harbor Aerospace Manufacturing Community',
      slug: 'harbor-aerospace',
      focusIndustries: ['Aerospace and defense'],
      admittedOn: null,
    })
    await recordAdmission(database.db, community.id, 'admitted', '2024-01-08')
    const representative = await seatHolder(database.db, community, 'representative', { since: '2024-01-08' })
    briefing = await createLibraryItem(database.db, {
      title: 'Export readiness briefing',
      visibility: 'public',
      publishedOn: '2025-01-20',
    })
    await createCall(database.db, '2025-02-03')
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-e2e-funding-'))
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      AUTH_SECRET: SECRET,
      DATA_DIR: dataDir,
    })
    hub = await startHub(config, { database, clock: testClock(TODAY), say: () => {} })
    const mailer = createMailer({ outboxDir: path.join(dataDir, 'outbox'), from: 'Hub <hub@example.org>' })
    const auth = createAuth({
      db: database.db,
      baseUrl: hub.url,
      secret: SECRET,
      mailer,
      signInPerMinute: 1000,
    })
    cookies.staff = await signInCookies(database.db, auth, { email: staff.email, origin: hub.url })
    cookies.representative = await signInCookies(database.db, auth, {
      email: representative.email,
      origin: hub.url,
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await hub?.close()
    await database?.drop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  async function openPage(as: 'staff' | 'representative' | 'visitor', width = 1280): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width, height: width < 500 ? 844 : 900 },
    })
    await context.addCookies(cookies[as].map((c) => ({ ...c, url: hub.url })))
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`))
    page.on('console', (message) => {
      // Chromium logs each 4xx answer (the refused upload) as an error.
      if (message.type() === 'error' && !/status of 400/.test(message.text())) problems.push(message.text())
    })
    page.on('dialog', async (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      await dialog.dismiss()
    })
    return page
  }
  const axe = async (page: Page) => (await checkAccessibility(page)).join('\n\n')

  it('staff upload the sample and see what it added; a damaged file is refused with where it broke', async () => {
    const sample = await readFile(GRANTS_SAMPLE)
    const page = await openPage('staff')
    await page.goto(`${hub.url}/staff/funding`)
    expect(await axe(page)).toBe('')
    await page.setInputFiles('#extract', {
      name: 'GrantsDBExtract20250115v2.xml',
      mimeType: 'application/xml',
      buffer: sample,
    })
    await page.getByRole('button', { name: 'Upload and import' }).click()
    await page.waitForURL(/\/staff\/funding\?import=[0-9a-f-]{36}$/)
    const done = await page.getByRole('status').first().textContent()
    expect(done).toContain('Imported GrantsDBExtract20250115v2.xml')
    expect(done).toContain('4 records read: 4 added, 0 updated, 0 unchanged')
    expect(await axe(page)).toBe('')
    await screenshot(page, 'funding-imports-1280')
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await axe(page)).toBe('')
    await screenshot(page, 'funding-imports-390')

    const damaged = sample.toString('utf8').replace('</Grants>', '</Grant>')
    await page.setInputFiles('#extract', {
      name: 'GrantsDBExtract20250116v2.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(damaged),
    })
    await page.getByRole('button', { name: 'Upload and import' }).click()
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(
      /GrantsDBExtract20250116v2\.xml is damaged at line \d+, column \d+: .+\. Nothing was written\./,
    )
    expect(await axe(page)).toBe('')
    await screenshot(page, 'funding-import-refused-390')
  })

  it('staff read the relevance rules in words at both widths', async () => {
    for (const width of [1280, 390]) {
      const page = await openPage('staff', width)
      await page.goto(`${hub.url}/staff/funding/rules`)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Funding relevance rules')
      expect(await axe(page)).toBe('')
      await screenshot(page, `funding-rules-${width}`)
    }
  })

  it('a representative opens Funding for us from My organisation and sees the pilots with why', async () => {
    for (const width of [1280, 390]) {
      const page = await openPage('representative', width)
      await page.goto(`${hub.url}/my-organization`)
      await screenshot(page, `funding-my-organization-${width}`)
      await page.getByRole('link', { name: 'Funding for us' }).click()
      await page.waitForURL(`${hub.url}/funding/for/harbor-aerospace`)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        'Funding for Harbor Aerospace Manufacturing Community',
      )
      const text = (await page.locator('main').textContent()) ?? ''
      expect(text).toContain(PILOTS)
      expect(text).toContain('Mentions your focus: defense')
      expect(await axe(page)).toBe('')
      await screenshot(page, `funding-for-us-${width}`)
    }
    expect(problems).toEqual([])
  })
  it('staff pin the pilots for members only and the ecosystem for everyone; the public never sees the members-only pin', async () => {
    const staff = await openPage('staff')
    const pin = async (id: string, place: 'call' | 'library', visibility: string, note: string) => {
      await staff.goto(`${hub.url}/funding/${id}`)
      if (place === 'call') await staff.getByLabel('Date of the call').fill('2025-02-03')
      else await staff.getByLabel('Library item').selectOption({ label: 'Export readiness briefing' })
      await staff.locator(`#pin-${place}-visibility`).selectOption(visibility)
      await staff.locator(`#pin-${place}-note`).fill(note)
      await staff
        .getByRole('button', { name: place === 'call' ? 'Pin to the call' : 'Pin to the item' })
        .click()
      await staff.waitForURL(new RegExp(`/funding/${id}\\?pinned=added#pins$`))
    }
    await pin('990002', 'library', 'members', MEMBERS_NOTE)
    await pin('990002', 'call', 'members', 'Raised on the call.')
    await pin('990001', 'library', 'public', 'Open to every region.')
    const pins = (await staff.locator('#pins').textContent()) ?? ''
    expect(pins).toContain('Export readiness briefing')
    expect(await axe(staff)).toBe('')
    await screenshot(staff, 'funding-pins-staff-1280')

    // A member sees both pins on the briefing, and the call's pinned funding.
    const member = await openPage('representative', 390)
    await member.goto(`${hub.url}/library/${briefing.slug}`)
    const memberText = (await member.locator('main').textContent()) ?? ''
    expect(memberText).toContain(PILOTS)
    expect(memberText).toContain(MEMBERS_NOTE)
    expect(memberText).toContain(REGIONAL)
    expect(await axe(member)).toBe('')
    await screenshot(member, 'funding-pins-member-390')
    await member.goto(`${hub.url}/calls/2025-02-03/funding`)
    expect((await member.locator('main').textContent()) ?? '').toContain(PILOTS)

    // A visitor sees the public pin only, linked to the official listing, at both widths.
    for (const width of [1280, 390]) {
      const visitor = await openPage('visitor', width)
      const requests: string[] = []
      visitor.on('request', (request) => requests.push(request.url()))
      await visitor.goto(`${hub.url}/library/${briefing.slug}`)
      const html = await visitor.content()
      expect(html).toContain(REGIONAL)
      expect(html).toContain('https://www.grants.gov/search-results-detail/990001')
      expect(html).not.toContain(PILOTS)
      expect(html).not.toContain(MEMBERS_NOTE)
      expect(html).not.toContain('990002')
      expect(requests.some((url) => url.includes('990002'))).toBe(false)
      expect(await axe(visitor)).toBe('')
      await screenshot(visitor, `funding-pins-visitor-${width}`)
    }
    // Nor by address: the opportunity and the call's funding ask a visitor to sign in.
    const visitor = await openPage('visitor')
    for (const address of ['/funding/990002', '/calls/2025-02-03/funding']) {
      await visitor.goto(`${hub.url}${address}`)
      expect(visitor.url()).toContain('/sign-in')
      expect(await visitor.content()).not.toContain(PILOTS)
    }
    expect(problems).toEqual([])
  })
})
