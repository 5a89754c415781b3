import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import {
  applicationEvents,
  applicationEvidence,
  applications,
  people,
  storedFiles,
} from '../../src/db/schema/index.ts'
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/features/demo/index.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

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
  let hub: E2eHub
  let base: string
  let bffId: string
  let memberId: string

  // The demo network and its accounts (a password hash each) take a while on a busy machine.
  beforeAll(async () => {
    hub = await startE2eHub({
      name: 'board-decision',
      // Staff signed in through better-auth itself; the board members sign in with the demo's own
      // accounts and password, through the sign-in form, as someone trying the demo would.
      signIn: ['staff@example.org'],
      // Chromium logs the 400 answer to the review form sent incomplete on purpose; any other error counts.
      expectedConsoleError: ({ url, text }) =>
        /status of 400/.test(text) && url.endsWith(`/applications/${memberId}/review`),
    })
    base = hub.base
    // startHub gives the demo accounts on PGlite; on a PostgreSQL server the test does (the same call).
    await ensureDemoAccounts(hub.database.db, hub.auth, { today: DEMO_TODAY })
    bffId = await createApplication(hub.database.db, {
      name: 'Open Supply Chain Institute',
      category: 'bff',
      status: 'with_board',
      email: 'jamie.applicant@example.org',
    })
    memberId = await createApplication(hub.database.db, {
      name: 'Flint Hills Manufacturing Partnership',
      category: 'member',
      status: 'submitted',
      email: 'flint.applicant@example.org',
    })
  }, 180_000)

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /** A page signed in as `email` (or anonymous), with the CSP bypassed for axe. */
  const openPage = (email?: string) => hub.openPage({ signedInAs: email })

  /** A page signed in through the sign-in form with a demo account and the demo password. */
  async function signInWithDemoAccount(email: string, next: string): Promise<Page> {
    const page = await openPage()
    await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`)
    const form = page.getByRole('form', { name: 'With your password' })
    await form.getByLabel('Email address').fill(email)
    await form.getByLabel('Password').fill(DEMO_PASSWORD)
    await Promise.all([
      page.waitForURL(`${base}${next}`),
      form.getByRole('button', { name: 'Sign in' }).click(),
    ])
    return page
  }

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
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

  it('two of three board members, signed in with the demo accounts alone, approve; the decision shows the tally; the directory lists the organisation', async () => {
    const sent = hub.sink.messages.length
    const first = await signInWithDemoAccount('board@example.org', '/board/applications')
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

    const second = await signInWithDemoAccount('board2@example.org', `/board/applications/${bffId}`)
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
    const third = await signInWithDemoAccount('board3@example.org', '/board/applications')
    expect(await mainText(third)).toContain('Nothing awaits the board.')
    expect(await mainText(third)).toMatch(/Recent decisions Open Supply Chain Institute BFF Approved/)
    await screenshot(third, 'board-queue-decided')

    const email = await hub.waitForEmail('jamie.applicant@example.org', { since: sent })
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
    // Three sign-ins through the form (a password check each) and a dozen pages.
  }, 180_000)
})
