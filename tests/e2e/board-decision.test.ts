import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAuth } from '#src/http/auth.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { loadConfig } from '../../src/config.ts'
import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import {
  applicationEvents,
  applicationEvidence,
  applications,
  people,
  storedFiles,
} from '../../src/db/schema/index.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { type RunningHub, startHub } from '../../src/server.ts'
import { checkAccessibility, launchBrowser, screenshot } from '../support/browser.ts'
import { DEMO_TODAY, testClock } from '../support/fixtures.ts'
import { signInCookies } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const AUTH_SECRET = 'e2e-secret-for-the-board-decision-long-enough'
type Cookies = { name: string; value: string }[]

/** An application written straight into the database in the state the journey starts from. */
async function createApplication(
  db: Db,
  options: { name: string; category: 'member' | 'bff'; status: 'submitted' | 'with_board'; email: string },
): Promise<string> {
  return writeAs(db, 'system', async (tx) => {
    const [applicant] = await tx
      .insert(people)
      .values({ fullName: 'Jamie Applicant', email: options.email })
      .returning({ id: people.id })
    const applicantId = applicant?.id ?? ''
    const isBff = options.category === 'bff'
    const [app] = await tx
      .insert(applications)
      .values({
        category: options.category,
        status: options.status,
        applicantId,
        organizationName: options.name,
        leadOrganization: isBff ? null : 'Prairie State University',
        website: 'https://example.org/applicant',
        summary: isBff
          ? 'A national non-profit that publishes open supply-chain mapping tools for small manufacturers.'
          : 'Cities, colleges and manufacturers of the Flint Hills region.',
        states: ['KS'],
        counties: isBff ? [] : ['20161', '20149'],
        focusIndustries: ['Advanced materials'],
        partners: isBff ? [] : ['Prairie State University', 'City of Manhattan', 'Flint Hills Works'],
        designations: isBff ? [] : [{ program: 'DMCSP', kind: 'designated', date: '2021-06-01' }],
        bffKind: isBff ? 'national_ngo' : null,
        openSourceValue: isBff ? 'Free, open-source tools any community can run to map its suppliers.' : null,
        round: 1,
        submittedAt: sql`timestamptz '2026-11-02 15:00:00+00'`,
      })
      .returning({ id: applications.id })
    const id = app?.id ?? ''
    await tx.insert(applicationEvents).values([
      {
        applicationId: id,
        kind: 'submitted',
        actorId: applicantId,
        round: 1,
        createdAt: sql`timestamptz '2026-11-02 15:00:00+00'`,
      },
      ...(options.status === 'with_board'
        ? [
            {
              applicationId: id,
              kind: 'sent_to_board' as const,
              round: 1,
              comment: 'BFF applications go straight to the board.',
              createdAt: sql`timestamptz '2026-11-02 15:00:01+00'`,
            },
          ]
        : []),
    ])
    if (!isBff) {
      const data = Buffer.from('%PDF-1.4\n% agreement\n')
      const [file] = await tx
        .insert(storedFiles)
        .values({
          name: 'collaboration-agreement.pdf',
          contentType: 'application/pdf',
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
          uploadedBy: applicantId,
        })
        .returning({ id: storedFiles.id })
      await tx.insert(applicationEvidence).values([
        { applicationId: id, criterion: 'agreement', fileId: file?.id ?? null },
        { applicationId: id, criterion: 'swot', url: 'https://example.org/flint-hills/swot' },
        { applicationId: id, criterion: 'plan', url: 'https://example.org/flint-hills/plan' },
        {
          applicationId: id,
          criterion: 'dei_sustainability',
          url: 'https://example.org/flint-hills/sustainability',
          note: 'Section 4 of the plan.',
        },
      ])
    }
    return id
  })
}

describe('the Advisory Board decides on a BFF in a browser', () => {
  let database: TestDatabase
  let hub: RunningHub
  let browser: Browser
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let base: string
  let dataDir: string
  let bffId: string
  let memberId: string
  const cookies: Record<string, Cookies> = {}
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-e2e-board-'))
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      AUTH_SECRET,
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
    })
    hub = await startHub(config, { database, clock: testClock() })
    base = `http://127.0.0.1:${hub.port}`
    bffId = await createApplication(database.db, {
      name: 'Open Supply Chain Institute',
      category: 'bff',
      status: 'with_board',
      email: 'jamie.applicant@example.org',
    })
    memberId = await createApplication(database.db, {
      name: 'Flint Hills Manufacturing Partnership',
      category: 'member',
      status: 'submitted',
      email: 'flint.applicant@example.org',
    })
    // Signed in through better-auth itself, with the hub's secret, so the hub accepts the cookies.
    const mailer = createMailer({ outboxDir: path.join(dataDir, 'outbox'), from: 'Hub <hub@example.org>' })
    const auth = createAuth({
      db: database.db,
      baseUrl: base,
      secret: AUTH_SECRET,
      mailer,
      signInPerMinute: 1000,
    })
    for (const email of [
      'board@example.org',
      'board2@example.org',
      'board3@example.org',
      'staff@example.org',
    ])
      cookies[email] = await signInCookies(database.db, auth, { email, origin: base })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await hub?.close()
    await sink?.stop()
    await database?.drop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
    expect(pageErrors.splice(0), 'the page logged errors').toEqual([])
  })

  /** A page signed in as `email` (or anonymous), with the CSP bypassed for axe. */
  async function openPage(email?: string): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    if (email) await context.addCookies((cookies[email] ?? []).map((c) => ({ ...c, url: base })))
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // Chromium logs the 400 answer to the review form sent incomplete on purpose; any other error counts.
      const expected =
        /status of 400/.test(message.text()) &&
        message.location().url.endsWith(`/applications/${memberId}/review`)
      if (!expected) pageErrors.push(`${message.location().url}: ${message.text()}`)
    })
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
    return page
  }

  async function expectAccessible(page: Page) {
    const violations = await checkAccessibility(page)
    expect(violations.join('\n\n'), `axe on ${page.url()}`).toBe('')
  }

  // biome-ignore lint/performance/useDomNodeTextContent: the text as people read it, with the breaks layout puts between blocks
  const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ')

  it('shows staff the member application with its evidence and an accessible review form', async () => {
    const page = await openPage('staff@example.org')
    await page.goto(`${base}/staff/applications`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Applications')
    expect(await mainText(page)).toContain('Flint Hills Manufacturing Partnership')
    await expectAccessible(page)
    await screenshot(page, 'staff-applications-queue')

    await page.getByRole('link', { name: 'Flint Hills Manufacturing Partnership' }).click()
    await page.waitForURL(`${base}/staff/applications/${memberId}`)
    expect(
      await page.getByRole('link', { name: 'collaboration-agreement.pdf' }).getAttribute('href'),
    ).toMatch(/^\/files\/[0-9a-f-]{36}$/)
    expect(
      await page.getByRole('link', { name: 'https://example.org/flint-hills/swot' }).getAttribute('rel'),
    ).toBe('noopener nofollow')
    await expectAccessible(page)
    await screenshot(page, 'staff-application-review-form')

    // A verdict that needs a comment, sent without one: the error is by the field.
    await page.getByRole('group', { name: 'SWOT analysis' }).getByLabel('Needs more information').check()
    for (const group of [
      'Written collaboration agreement',
      'Regional economic development plan',
      'Interest in DEI',
    ])
      await page.getByRole('group', { name: group }).getByLabel('Met', { exact: true }).check()
    await page.getByRole('button', { name: 'Record the verdicts' }).click()
    await page.waitForSelector('#comment_swot-error')
    expect(await page.locator('#comment_swot-error').textContent()).toBe(
      'Say what the applicant should add: a comment is needed when more information is asked for.',
    )
    expect(
      await page
        .getByRole('group', { name: 'SWOT analysis' })
        .getByLabel('Needs more information')
        .isChecked(),
    ).toBe(true)
    await expectAccessible(page)
    await screenshot(page, 'staff-application-review-errors')
  })

  it('two of three board members approve in the browser; the decision shows the tally; the directory lists the organisation', async () => {
    const first = await openPage('board@example.org')
    await first.goto(`${base}/board/applications`)
    expect(await mainText(first)).toContain('Open Supply Chain Institute BFF Not voted yet')
    await expectAccessible(first)
    await screenshot(first, 'board-queue-before-voting')
    await first.getByRole('link', { name: 'Open Supply Chain Institute' }).click()
    await first.waitForURL(`${base}/board/applications/${bffId}`)
    await expectAccessible(first)
    await screenshot(first, 'board-application-vote-form')
    await first.getByRole('group', { name: 'Your vote' }).getByLabel('Approve').check()
    await first.getByLabel('Comment (optional)').fill('Their tools are already used by six of our members.')
    await first.getByRole('button', { name: 'Cast my vote' }).click()
    await first.waitForURL(`${base}/board/applications/${bffId}?notice=voted`)
    expect(await first.getByRole('status').first().textContent()).toContain('Your vote is recorded.')
    expect(await mainText(first)).toContain(
      'You voted: approve. You can change it until the decision closes.',
    )
    await first.goto(`${base}/board/applications`)
    expect(await mainText(first)).toContain('Open Supply Chain Institute BFF You voted: approve')
    await screenshot(first, 'board-queue-after-voting')

    const second = await openPage('board2@example.org')
    await second.goto(`${base}/board/applications/${bffId}`)
    expect(await mainText(second)).toContain('1 of 3 Board members who voted')
    await second.getByRole('group', { name: 'Your vote' }).getByLabel('Approve').check()
    await second.getByRole('button', { name: 'Cast my vote' }).click()
    await second.waitForURL(`${base}/board/applications/${bffId}?notice=decided`)
    expect(await second.getByRole('heading', { name: 'Approved by the Advisory Board' }).count()).toBe(1)
    const decided = await mainText(second)
    expect(decided).toContain('Tally 2 approve, 0 reject, 0 abstain of 3 members (quorum 2)')
    expect(decided).toContain('Settled by the vote of Elena Vasquez')
    expect(decided).toContain('Morgan Achebe Approve Their tools are already used by six of our members.')
    expect(await second.getByRole('button', { name: 'Cast my vote' }).count()).toBe(0)
    await expectAccessible(second)
    await screenshot(second, 'board-application-decided')

    // The third member finds it decided, with nothing left to vote on.
    const third = await openPage('board3@example.org')
    await third.goto(`${base}/board/applications`)
    expect(await mainText(third)).toContain('Nothing awaits the board.')
    expect(await mainText(third)).toMatch(/Recent decisions Open Supply Chain Institute BFF Approved/)
    await screenshot(third, 'board-queue-decided')

    const email = await sink.waitFor('jamie.applicant@example.org')
    expect([
      'The Advisory Board approved the application of Open Supply Chain Institute',
      'Open Supply Chain Institute is admitted to the collaborative',
    ]).toContain(email.subject)

    const visitor = await openPage()
    await visitor.goto(`${base}/directory`)
    // In the list (the map links it too, as one of its regions' organisations).
    const link = visitor.locator('ul.org-list').getByRole('link', { name: 'Open Supply Chain Institute' })
    expect(await link.getAttribute('href')).toBe('/organizations/open-supply-chain-institute')
    await screenshot(visitor, 'directory-with-new-bff')
    await link.click()
    await visitor.waitForURL(`${base}/organizations/open-supply-chain-institute`)
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Open Supply Chain Institute')
    await expectAccessible(visitor)

    const staff = await openPage('staff@example.org')
    await staff.goto(`${base}/staff/applications/${bffId}`)
    expect(await mainText(staff)).toContain('Tally 2 approve, 0 reject, 0 abstain of 3 members (quorum 2)')
    await expectAccessible(staff)
    await screenshot(staff, 'staff-application-decided')
  })
})
