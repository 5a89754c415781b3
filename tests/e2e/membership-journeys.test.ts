import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { sampleFiles } from '../support/fixtures/sample-files.ts'

const STAFF = 'staff@example.org'
const BOARD = 'board@example.org'
const BOARD_2 = 'board2@example.org'
const TODAY_IN_WORDS = 'November 26, 2026'
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** The first web address in an email's text. */
const firstLink = (text: string, pattern = /https?:\/\/\S+/) => text.match(pattern)?.[0] ?? ''

/** The main content as people read it, with the breaks layout puts between blocks made spaces. */
// biome-ignore lint/performance/useDomNodeTextContent: the text as shown, not the source's whitespace
const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ')

/** An element's text with its runs of whitespace made single spaces. */
const words = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** Clicks a button that submits a form and waits for the page it leads to. */
async function submit(page: Page, button: Locator) {
  await Promise.all([page.waitForNavigation(), button.click()])
}

/** A file from the sample generator, as the file picker hands it to the page. */
/** Names the two seats and ticks the three commitments on the draft (saved with the next button). */
async function nameTheSeats(
  page: Page,
  nominees: Record<'representative' | 'alternate', { fullName: string; email: string; title: string }>,
) {
  for (const seat of ['representative', 'alternate'] as const) {
    await page.locator(`#${seat}-fullName`).fill(nominees[seat].fullName)
    await page.locator(`#${seat}-email`).fill(nominees[seat].email)
    await page.locator(`#${seat}-title`).fill(nominees[seat].title)
  }
  for (const box of await page.locator('#seats input[type=checkbox]').all()) await box.check()
}

const asUpload = (sample: { name: string; bytes: Buffer; contentType: string }, name = sample.name) => ({
  name,
  mimeType: sample.contentType,
  buffer: sample.bytes,
})

describe('membership journeys in a browser, from applying to the directory and the seats', () => {
  let e2e: E2eHub
  let base: string

  beforeAll(async () => {
    // Staff and the board sign in through better-auth directly: the sign-in forms are slow on purpose.
    e2e = await startE2eHub({
      name: 'membership-journeys',
      signIn: [STAFF, BOARD, BOARD_2],
      // Accepting a seat without confirming its commitments answers 400 on purpose.
      expectedConsoleError: ({ text }) => /status of 400/.test(text),
    })
    base = e2e.base
  })

  afterAll(async () => {
    await e2e?.stop()
  })

  afterEach(async () => {
    await e2e.closePages()
    expect(e2e.takePageErrors(), 'the pages logged errors').toEqual([])
  })

  async function expectAccessible(page: Page) {
    expect(await e2e.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  /** On /apply, not signed in: starts an application and returns the emailed link to the draft. */
  async function startApplication(
    page: Page,
    o: { fullName: string; email: string; category: 'A BFF' | 'A member community'; name: string },
  ): Promise<string> {
    await page.goto(`${base}/apply`)
    const start = page.getByRole('form', { name: 'Start an application' })
    await start.getByLabel('Your full name').fill(o.fullName)
    await start.getByLabel('Your email address').fill(o.email)
    await start.getByLabel(o.category).check()
    await start.getByLabel('Name of the organisation').fill(o.name)
    const since = e2e.sink.messages.length
    await submit(page, start.getByRole('button', { name: 'Start and email me the link' }))
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email')
    expect(await page.getByRole('status').textContent()).toContain(
      `We sent you a link to your draft at ${o.email}`,
    )
    const email = await e2e.waitForEmail(o.email, { since })
    expect(email.subject).toBe('Your sign-in link for the American Manufacturing Community Collaborative')
    return firstLink(email.text)
  }

  /** A board member opens the application from their queue and approves it; returns their page. */
  async function approveAsBoardMember(
    who: string,
    o: {
      id: string
      name: string
      category: 'BFF' | 'Member community'
      comment?: string
      expectDecided: boolean
    },
  ): Promise<Page> {
    const page = await e2e.openPage({ signedInAs: who })
    await page.goto(`${base}/board/applications`)
    expect(await mainText(page)).toContain(`${o.name} ${o.category} Not voted yet`)
    const waiting = page.getByRole('list', { name: 'Awaiting the board' })
    await Promise.all([
      page.waitForURL(`${base}/board/applications/${o.id}`),
      waiting.getByRole('link', { name: o.name }).click(),
    ])
    await page.getByRole('group', { name: 'Your vote' }).getByLabel('Approve').check()
    if (o.comment) await page.getByLabel('Comment (optional)').fill(o.comment)
    await Promise.all([
      page.waitForURL(`${base}/board/applications/${o.id}?notice=${o.expectDecided ? 'decided' : 'voted'}`),
      page.getByRole('button', { name: 'Cast my vote' }).click(),
    ])
    return page
  }

  it('a BFF applies, two of the three board members approve, the applicant is emailed, and the organisation is listed', async () => {
    const name = 'Open Factory Data Foundation'
    const email = 'priya.raman@openfactorydata.example.org'

    // The applicant starts on /apply and follows the emailed link to the draft.
    const applicant = await e2e.openPage()
    const link = await startApplication(applicant, {
      fullName: 'Priya Raman',
      email,
      category: 'A BFF',
      name,
    })
    await applicant.goto(link)
    expect(applicant.url()).toMatch(new RegExp(`^${base}/applications/${uuid}$`))
    const id = applicant.url().split('/').at(-1) ?? ''
    expect(await applicant.getByRole('heading', { level: 1 }).textContent()).toBe(name)
    expect(await applicant.locator('.status-card .status').textContent()).toBe('Draft')
    expect(await mainText(applicant)).toContain(
      'Before you submit, add: the kind of organisation the open-source value your organisation offers',
    )

    const draft = applicant.locator('#draft-form')
    await draft.getByLabel('Website').fill('https://openfactorydata.example.org')
    await draft
      .getByLabel('Summary', { exact: true })
      .fill('A national non-profit that publishes open data standards for factory equipment.')
    await draft.getByRole('group', { name: 'Kind of organisation' }).getByLabel('National NGO').check()
    await draft
      .getByLabel('The open-source value you offer')
      .fill('Open machine-data schemas and free tools that let small shops connect their equipment.')
    await nameTheSeats(applicant, {
      representative: { fullName: 'Priya Raman', email, title: 'Executive director' },
      alternate: {
        fullName: 'Tomas Berg',
        email: 'tomas.berg@openfactorydata.example.org',
        title: 'Data lead',
      },
    })
    await submit(applicant, draft.getByRole('button', { name: 'Save the draft' }))
    expect(await applicant.getByRole('status').textContent()).toBe('Your draft is saved.')
    expect(await mainText(applicant)).toContain('Everything needed is there.')
    await expectAccessible(applicant)
    await screenshot(applicant, 'journey-bff-draft')

    await submit(applicant, applicant.getByRole('button', { name: 'Submit the application' }))
    expect(await applicant.getByRole('status').textContent()).toBe('Your application is submitted.')
    // Straight to the board: bffSkipsStaffReview is on by default.
    expect(await applicant.locator('.status-card .status').textContent()).toBe('With the Advisory Board')
    expect(await words(applicant.locator('.timeline'))).toMatch(
      /Sent to the Advisory Board \(round 1\)\s*BFF applications go straight to the Advisory Board\./,
    )
    await expectAccessible(applicant)
    await screenshot(applicant, 'journey-bff-with-board')

    // Two of the three board members approve, each in their own browser.
    const sinceVotes = e2e.sink.messages.length
    const first = await approveAsBoardMember(BOARD, {
      id,
      name,
      category: 'BFF',
      comment: 'Their schemas are already used by three of our members.',
      expectDecided: false,
    })
    expect(await first.getByRole('status').first().textContent()).toContain('Your vote is recorded.')
    const afterFirst = await mainText(first)
    expect(afterFirst).toContain('You voted: approve. You can change it until the decision closes.')
    expect(afterFirst).toContain('1 of 3 Board members who voted')
    expect(afterFirst).toContain('2 Quorum (votes needed)')

    const second = await approveAsBoardMember(BOARD_2, { id, name, category: 'BFF', expectDecided: true })
    expect(await second.getByRole('heading', { name: 'Approved by the Advisory Board' }).count()).toBe(1)
    const decided = await mainText(second)
    expect(decided).toContain('Tally 2 approve, 0 reject, 0 abstain of 3 members (quorum 2)')
    expect(decided).toContain('Settled by the vote of Elena Vasquez')
    expect(decided).toContain(`Organisation ${name}, admitted ${TODAY_IN_WORDS}`)
    expect(decided).toContain('Morgan Achebe Approve Their schemas are already used by three of our members.')
    expect(await second.getByRole('button', { name: 'Cast my vote' }).count()).toBe(0)
    await screenshot(second, 'journey-bff-decided')

    // The applicant is told, twice: the decision, then the admission.
    const decision = await e2e.waitForEmail(email, { since: sinceVotes, subject: /approved/ })
    expect(decision.subject).toBe(`The Advisory Board approved the application of ${name}`)
    expect(decision.text).toContain(`The Advisory Board approved the application of ${name}.`)
    expect(decision.text).toContain('The vote: 2 approve, 0 reject, 0 abstain of 3 members (quorum 2).')
    expect(decision.text).toContain(
      '- Morgan Achebe (approve): Their schemas are already used by three of our members.',
    )
    const admitted = await e2e.waitForEmail(email, { since: sinceVotes, subject: /admitted/ })
    expect(admitted.subject).toBe(`${name} is admitted to the collaborative`)
    expect(admitted.text).toContain(`${base}/organizations/open-factory-data-foundation`)

    // The applicant's own page says so too.
    await applicant.goto(firstLink(decision.text, new RegExp(`${base}/applications/${uuid}`)))
    expect(await applicant.locator('.status-card .status').textContent()).toBe('Approved')
    expect(await words(applicant.locator('.status-card'))).toContain(`member from ${TODAY_IN_WORDS}`)
    await expectAccessible(applicant)
    await screenshot(applicant, 'journey-bff-applicant-approved')

    // Anyone finds it in the directory and on its profile.
    const visitor = await e2e.openPage()
    await visitor.goto(`${base}/directory`)
    const listed = visitor.locator('ul.org-list').getByRole('link', { name })
    expect(await listed.getAttribute('href')).toBe('/organizations/open-factory-data-foundation')
    await Promise.all([
      visitor.waitForURL(`${base}/organizations/open-factory-data-foundation`),
      listed.click(),
    ])
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(name)
    const profile = await mainText(visitor)
    expect(profile).toContain('Kind National NGO')
    expect(profile).toContain(`Member since ${TODAY_IN_WORDS}`)
    expect(profile).toContain(
      'A national non-profit that publishes open data standards for factory equipment.',
    )
    // The incomplete badge is internal: staff and the organisation see it, a visitor does not.
    expect(await visitor.locator('.profile-head .badge.incomplete').count()).toBe(0)
    await screenshot(visitor, 'journey-bff-profile')
  }, 120_000)

  it('a member community applies with four documents, answers staff, is approved by the board, and its invited representative signs in', async () => {
    const name = 'Driftless Region Manufacturing Partnership'
    const slug = 'driftless-region-manufacturing-partnership'
    const email = 'dana.whitfield@driftless.example.org'

    // The applicant starts on /apply and follows the emailed link to the draft.
    const applicant = await e2e.openPage()
    const link = await startApplication(applicant, {
      fullName: 'Dana Whitfield',
      email,
      category: 'A member community',
      name,
    })
    await applicant.goto(link)
    expect(applicant.url()).toMatch(new RegExp(`^${base}/applications/${uuid}$`))
    const id = applicant.url().split('/').at(-1) ?? ''

    // The profile, then the region by state and county names.
    const draft = applicant.locator('#draft-form')
    await draft.getByLabel('Short name').fill('DRMP')
    await draft.getByLabel('Lead organisation').fill('Southwest Wisconsin Technical College')
    await draft.getByLabel('Website').fill('https://driftless.example.org')
    await draft
      .getByLabel('Summary', { exact: true })
      .fill('Four counties of the Driftless Area growing precision machining and food processing.')
    await draft
      .getByLabel('Partner organisations')
      .fill('City of Prairie du Chien\nVernon County Economic Development\nDriftless Machining Cooperative')
    await draft.getByLabel('Focus industries').fill('Precision machining\nFood processing')
    await draft.getByRole('group', { name: 'States' }).getByLabel('Wisconsin', { exact: true }).check()
    await submit(applicant, draft.getByRole('button', { name: 'Save and show the counties' }))
    expect(await applicant.getByRole('status').textContent()).toBe('Your draft is saved.')
    const counties = applicant.getByRole('group', { name: 'Counties in Wisconsin' })
    for (const county of ['Crawford', 'Grant', 'Vernon'])
      await counties.getByLabel(county, { exact: true }).check()
    await submit(applicant, applicant.locator('#draft-form').getByRole('button', { name: 'Save the draft' }))
    expect(
      await applicant
        .locator('svg.us-map path[data-fips]')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-fips'))),
    ).toEqual(expect.arrayContaining(['55023', '55043', '55123']))

    // The two seats, typed and saved along with the first document.
    const representative = {
      fullName: 'Jordan Okafor',
      email: 'jordan.okafor@driftless.example.org',
      title: 'Director of regional development',
    }
    const alternate = {
      fullName: 'Sam Lindqvist',
      email: 'sam.lindqvist@driftless.example.org',
      title: 'Program lead',
    }
    await nameTheSeats(applicant, { representative, alternate })

    // One document for each criterion: PDF, Word, Excel and PNG.
    const documents = [
      ['agreement', sampleFiles.pdf()],
      ['swot', sampleFiles.docx()],
      ['plan', sampleFiles.xlsx()],
      ['dei_sustainability', sampleFiles.png()],
    ] as const
    for (const [criterion, sample] of documents) {
      const card = applicant.locator(`#evidence-${criterion}`)
      await card.getByLabel('Upload a document').setInputFiles(asUpload(sample))
      await submit(applicant, card.getByRole('button', { name: /^Add the evidence/ }))
      expect(await applicant.getByRole('status').textContent()).toBe('The evidence is added.')
      expect(
        await applicant.locator(`#evidence-${criterion}`).getByRole('link', { name: sample.name }).count(),
      ).toBe(1)
    }
    expect(await mainText(applicant)).toContain('Everything needed is there.')
    await screenshot(applicant, 'journey-member-draft-complete')
    await submit(applicant, applicant.getByRole('button', { name: 'Submit the application' }))
    expect(await applicant.getByRole('status').textContent()).toBe('Your application is submitted.')
    expect(await applicant.locator('.status-card .status').textContent()).toBe('Submitted: with staff')

    // The list of one's own applications, from the header.
    await Promise.all([
      applicant.waitForURL(`${base}/applications`),
      applicant
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My applications' })
        .click(),
    ])
    expect(await mainText(applicant)).toContain(`${name} Member community · Submitted: with staff`)
    await expectAccessible(applicant)
    await screenshot(applicant, 'journey-member-my-applications')

    // Staff: three criteria met, one needs more information.
    const staff = await e2e.openPage({ signedInAs: STAFF })
    await staff.goto(`${base}/staff/applications`)
    expect(await mainText(staff)).toContain(name)
    await Promise.all([
      staff.waitForURL(`${base}/staff/applications/${id}`),
      staff.getByRole('link', { name }).click(),
    ])
    expect(await staff.getByRole('heading', { name: 'Your verdicts for round 1' }).count()).toBe(1)
    const sinceReview = e2e.sink.messages.length
    const swotComment = 'Please add the threats section: the SWOT stops after the opportunities.'
    await staff
      .getByRole('group', { name: 'Written collaboration agreement' })
      .getByLabel('Met', { exact: true })
      .check()
    await staff.getByRole('group', { name: 'SWOT analysis' }).getByLabel('Needs more information').check()
    await staff.getByLabel('SWOT analysis: comment').fill(swotComment)
    await staff
      .getByRole('group', { name: /^Regional economic development plan/ })
      .getByLabel('Met', { exact: true })
      .check()
    await staff
      .getByRole('group', { name: /^Interest in DEI/ })
      .getByLabel('Met', { exact: true })
      .check()
    await submit(staff, staff.getByRole('button', { name: 'Record the verdicts' }))
    expect(staff.url()).toBe(`${base}/staff/applications/${id}?notice=needs_info`)
    expect(await staff.getByRole('status').first().textContent()).toBe(
      'The verdicts are recorded. The application went back to the applicant, who was emailed what to add.',
    )
    expect(await mainText(staff)).toContain(
      'Waiting for the applicant to add the information asked for in round 1.',
    )
    await expectAccessible(staff)
    await screenshot(staff, 'journey-member-staff-needs-info')

    // The applicant is emailed, opens the application from the email, adds a document and answers.
    const askedForMore = await e2e.waitForEmail(email, { since: sinceReview })
    expect(askedForMore.subject).toBe(`More information needed: ${name}`)
    expect(askedForMore.text).toContain(`SWOT analysis: ${swotComment}`)
    await applicant.goto(firstLink(askedForMore.text, new RegExp(`${base}/applications/${uuid}`)))
    expect(applicant.url()).toBe(`${base}/applications/${id}`)
    expect(await applicant.locator('.status-card .status').textContent()).toBe('More information needed')
    const swotRow = await words(applicant.getByRole('row', { name: /SWOT analysis/ }))
    expect(swotRow).toContain('Needs more information')
    expect(swotRow).toContain(swotComment)
    const swot = applicant.locator('#evidence-swot')
    await swot
      .getByLabel('Upload a document')
      .setInputFiles(asUpload(sampleFiles.pdf(), 'swot-with-threats.pdf'))
    await submit(applicant, swot.getByRole('button', { name: /^Add the evidence/ }))
    expect(await applicant.getByRole('status').textContent()).toBe('The evidence is added.')
    expect(
      await applicant.locator('#evidence-swot').getByRole('link', { name: 'swot-with-threats.pdf' }).count(),
    ).toBe(1)
    await applicant
      .getByLabel('Answer to staff')
      .fill('The full SWOT, threats included, is in swot-with-threats.pdf.')
    await submit(applicant, applicant.getByRole('button', { name: 'Send the answer' }))
    expect(await applicant.getByRole('status').textContent()).toBe(
      'Your answer is sent: the application is back with staff.',
    )
    expect(await applicant.locator('.status-card .status').textContent()).toBe('Submitted: with staff')
    expect(await words(applicant.locator('.status-card'))).toContain('review round 2')
    await screenshot(applicant, 'journey-member-answered')

    // Staff, round 2: the answer and the new document are there; all four are met.
    await staff.goto(`${base}/staff/applications/${id}`)
    const round2 = await mainText(staff)
    expect(round2).toContain('The full SWOT, threats included, is in swot-with-threats.pdf.')
    expect(await staff.getByRole('link', { name: 'swot-with-threats.pdf' }).count()).toBe(1)
    expect(await staff.getByRole('heading', { name: 'Your verdicts for round 2' }).count()).toBe(1)
    await expectAccessible(staff)
    await screenshot(staff, 'journey-member-staff-round-2')
    for (const group of [
      'Written collaboration agreement',
      'SWOT analysis',
      /^Regional economic development plan/,
      /^Interest in DEI/,
    ])
      await staff.getByRole('group', { name: group }).getByLabel('Met', { exact: true }).check()
    await submit(staff, staff.getByRole('button', { name: 'Record the verdicts' }))
    expect(await staff.getByRole('status').first().textContent()).toBe(
      'The verdicts are recorded and the application is with the Advisory Board.',
    )
    expect(await mainText(staff)).toContain(
      'The quorum is not met: 0 of 3 board members voted, and 2 must vote before staff can close the decision.',
    )
    await expectAccessible(staff)
    await screenshot(staff, 'journey-member-staff-with-board')

    // The applicant sees it is with the board.
    await applicant.reload()
    expect(await applicant.locator('.status-card .status').textContent()).toBe('With the Advisory Board')

    // Two board members approve.
    const sinceVotes = e2e.sink.messages.length
    const first = await approveAsBoardMember(BOARD, {
      id,
      name,
      category: 'Member community',
      expectDecided: false,
    })
    // A member application reaches the board with the staff verdicts of every round.
    expect(await mainText(first)).toContain('SWOT analysis')
    await expectAccessible(first)
    await screenshot(first, 'journey-member-board-voted')
    const second = await approveAsBoardMember(BOARD_2, {
      id,
      name,
      category: 'Member community',
      comment: 'A strong plan with committed partners.',
      expectDecided: true,
    })
    const decided = await mainText(second)
    expect(decided).toContain('Approved by the Advisory Board')
    expect(decided).toContain('Tally 2 approve, 0 reject, 0 abstain of 3 members (quorum 2)')
    expect(decided).toContain(`Organisation ${name}, admitted ${TODAY_IN_WORDS}`)

    const decision = await e2e.waitForEmail(email, { since: sinceVotes, subject: /approved/ })
    expect(decision.subject).toBe(`The Advisory Board approved the application of ${name}`)
    expect(decision.text).toContain('The vote: 2 approve, 0 reject, 0 abstain of 3 members (quorum 2).')
    expect(decision.text).toContain('- Elena Vasquez (approve): A strong plan with committed partners.')
    const admitted = await e2e.waitForEmail(email, { since: sinceVotes, subject: /admitted/ })
    expect(admitted.subject).toBe(`${name} is admitted to the collaborative`)
    expect(admitted.text).toContain(
      'The representative and the alternate you named are invited to their seats',
    )

    // Listed, with its region, and its two seats held from the admission date.
    const visitor = await e2e.openPage()
    await visitor.goto(`${base}/organizations/${slug}`)
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(name)
    const profile = await mainText(visitor)
    expect(profile).toContain('Lead organisation Southwest Wisconsin Technical College')
    expect(profile).toMatch(/Counties Crawford, [^;]+; Grant, [^;]+; Vernon/)
    // The incomplete badge is internal: staff and the organisation see it, a visitor does not.
    expect(await visitor.locator('.profile-head .badge.incomplete').count()).toBe(0)

    // Both nominees hold their seats from the admission date.
    await staff.goto(`${base}/organizations/${slug}/seats`)
    expect(await staff.getByRole('heading', { level: 1 }).textContent()).toBe(`Seats of ${name}`)
    expect(await staff.locator('.badge.incomplete').count()).toBe(0)
    const seatsText = await mainText(staff)
    expect(seatsText).toContain(representative.fullName)
    expect(seatsText).toContain(alternate.fullName)

    // Admitted today, it owes nothing yet: on track, with what it will owe and when.
    await staff.goto(`${base}/organizations/${slug}/obligations`)
    expect(await staff.locator('.obligation-status').first().textContent()).toBe('On track')

    // The representative opens the invitation: the seat and its commitments, confirmed to accept.
    const invitation = await e2e.waitForEmail(representative.email, { since: sinceVotes })
    expect(invitation.subject).toBe(
      `You are invited to be the representative of ${name} in the American Manufacturing Community Collaborative`,
    )
    const invitee = await e2e.openPage()
    await invitee.goto(firstLink(invitation.text, /https?:\/\/\S+\/invitations\/[\w-]+/))
    expect(await invitee.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your password')
    expect(await mainText(invitee)).toContain(`Representative of ${name}, from ${TODAY_IN_WORDS}.`)
    await expectAccessible(invitee)
    await screenshot(invitee, 'journey-member-seat-invitation')
    await invitee.setViewportSize({ width: 390, height: 844 })
    await screenshot(invitee, 'journey-member-seat-invitation-phone')
    await invitee.setViewportSize({ width: 1280, height: 900 })
    await invitee.getByLabel('Password', { exact: true }).fill('driftless representative 2026')
    await invitee.getByLabel('The same password again').fill('driftless representative 2026')
    await submit(invitee, invitee.getByRole('button', { name: 'Set my password and sign in' }))
    expect(await invitee.locator('#commitments-error').textContent()).toBe(
      'Confirm the commitments of the seat to accept it: tick the box under them.',
    )
    await invitee.getByLabel('I confirm these commitments.').check()
    await invitee.getByLabel('Password', { exact: true }).fill('driftless representative 2026')
    await invitee.getByLabel('The same password again').fill('driftless representative 2026')
    await Promise.all([
      invitee.waitForURL(`${base}/account?notice=welcome`),
      invitee.getByRole('button', { name: 'Set my password and sign in' }).click(),
    ])
    expect(await words(invitee.locator('.facts dt:text-is("Roles") + dd'))).toContain(
      `Representative of ${name}`,
    )
    await screenshot(invitee, 'journey-member-representative-account')

    // Both seats filled: the public profile no longer shows the organisation as incomplete.
    await visitor.goto(`${base}/organizations/${slug}`)
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(name)
    expect(await visitor.locator('.profile-head .badge.incomplete').count()).toBe(0)
  }, 180_000)
})
