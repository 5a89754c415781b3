import { and, asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import {
  admissionEvents,
  applicationDecisions,
  applicationEvents,
  applications,
  auditLog,
  boardMembers,
  boardVotes,
  designationPrograms,
  designations,
  organizationPartners,
  organizations,
  people,
  seats,
} from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { seatsToFill, uniqueOrganizationSlug } from '../../src/features/membership/admission.ts'
import { decisionSummary } from '../../src/features/membership/decision-summary.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, eventually, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

let made = 0

/** An application with the Advisory Board, written straight into the database as the applicant side and staff would leave it. */
async function applicationWithBoard(
  db: Db,
  options: {
    name: string
    category?: 'member' | 'bff'
    partners?: string[]
    designations?: unknown[]
    summary?: string | null
  },
): Promise<{ id: string; applicantEmail: string; applicantId: string }> {
  const n = ++made
  const category = options.category ?? 'bff'
  const applicantEmail = `board.applicant.${n}@example.org`
  return writeAs(db, 'system', async (tx) => {
    const [applicant] = await tx
      .insert(people)
      .values({ fullName: `Board Applicant${n}`, email: applicantEmail })
      .returning({ id: people.id })
    const applicantId = applicant?.id ?? ''
    const [app] = await tx
      .insert(applications)
      .values({
        category,
        status: 'with_board',
        applicantId,
        organizationName: options.name,
        leadOrganization: category === 'member' ? 'Prairie State University' : null,
        website: 'https://example.org/applicant',
        summary:
          options.summary === undefined
            ? `${options.name} wants to join the collaborative.`
            : options.summary,
        states: ['KS'],
        counties: category === 'member' ? ['20173'] : [],
        focusIndustries: ['Aerospace and defense'],
        partners: options.partners ?? [],
        designations: options.designations ?? [],
        bffKind: category === 'bff' ? 'national_ngo' : null,
        openSourceValue: category === 'bff' ? 'Open supply-chain mapping tools.' : null,
        round: 1,
        submittedAt: sql`timestamptz '2026-10-05 15:00:00+00'`,
      })
      .returning({ id: applications.id })
    const id = app?.id ?? ''
    await tx.insert(applicationEvents).values([
      {
        applicationId: id,
        kind: 'submitted',
        actorId: applicantId,
        round: 1,
        createdAt: sql`hub_now() - interval '2 days'`,
      },
      { applicationId: id, kind: 'sent_to_board', round: 1, createdAt: sql`hub_now() - interval '1 day'` },
    ])
    return { id, applicantEmail, applicantId }
  })
}

describe(`the Advisory Board's votes and decisions on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  const sessions: Record<string, Session> = {}
  const ids: Record<string, string> = {}
  let representativeEmail: string

  const session = (email: string) => sessions[email] as Session
  const vote = (email: string, applicationId: string, choice: string, comment = '') =>
    session(email).post(`/board/applications/${applicationId}/vote`, { choice, comment })

  /** Votes and decisions of an application, hashed: equal means nothing changed. */
  const boardState = async (applicationId: string) => {
    const [row] = await queryRows<{ h: string }>(
      database.db,
      sql`select md5(concat_ws('|',
          (select string_agg(v::text, ',' order by v.id) from board_votes v where v.application_id = ${applicationId}),
          (select string_agg(d::text, ',') from application_decisions d where d.application_id = ${applicationId}),
          (select string_agg(a::text, ',') from applications a where a.id = ${applicationId}),
          (select count(*)::text from organizations))) as h`,
    )
    return row?.h
  }

  const emailsTo = (to: string) => sink.messages.filter((m) => m.to.includes(to.toLowerCase()))

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    const [representative] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join people p on p.id = s.person_id
        where s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date) limit 1`,
    )
    representativeEmail = representative?.email ?? ''
    for (const email of [
      'board@example.org',
      'board2@example.org',
      'board3@example.org',
      'staff@example.org',
      representativeEmail,
    ]) {
      sessions[email] = new Session(hub.app)
      await signInAs(session(email), database.db, hub.auth, { email })
      ids[email] = (await personByEmail(database.db, email))?.id ?? ''
    }
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  let approved: { id: string; applicantEmail: string }

  it('approves a BFF when two of three members approve, admits it and emails the applicant', async () => {
    approved = await applicationWithBoard(database.db, { name: 'Open Supply Chain Institute' })
    // The public pages are cached before the decision: the admission must show at once.
    const anonymous = new Session(hub.app)
    expect(await (await anonymous.get('/directory')).text()).not.toContain('Open Supply Chain Institute')
    expect(await (await anonymous.get('/api/v1/organizations')).text()).not.toContain(
      'open-supply-chain-institute',
    )

    const queue = await pageText(await session('board@example.org').get('/board/applications'))
    expect(queue).toMatch(
      /Awaiting the board Open Supply Chain Institute BFF Not voted yet Applicant: Board Applicant\d+/,
    )

    const first = await vote('board@example.org', approved.id, 'approve', 'Strong open-source value.')
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`/board/applications/${approved.id}?notice=voted`)
    expect(await pageText(await session('board@example.org').get('/board/applications'))).toContain(
      'Open Supply Chain Institute BFF You voted: approve',
    )
    const second = await session('board2@example.org').get('/board/applications')
    expect(await pageText(second)).toContain('Open Supply Chain Institute BFF Not voted yet')
    const page = await pageText(await session('board2@example.org').get(`/board/applications/${approved.id}`))
    expect(page).toContain(
      'Votes so far 1 Approve 0 Reject 0 Abstain 1 of 3 Board members who voted 2 Quorum',
    )
    expect(page).toMatch(/Morgan Achebe Approve Strong open-source value\. \w+ \d+, \d{4}/)
    expect(page).toContain('BFF applications come to the board without staff verdicts')

    const deciding = await vote('board2@example.org', approved.id, 'approve', 'Their tools are used widely.')
    expect(deciding.status).toBe(303)
    expect(deciding.headers.get('location')).toBe(`/board/applications/${approved.id}?notice=decided`)

    const [decision] = await database.db
      .select()
      .from(applicationDecisions)
      .where(eq(applicationDecisions.applicationId, approved.id))
    expect(decision?.outcome).toBe('approved')
    expect(decision?.tally).toEqual({ approve: 2, reject: 0, abstain: 0, eligible: 3, quorum: 2 })
    expect(decision?.decidedBy).toBe(ids['board2@example.org'])
    expect(decision?.admittedOn).toBe(DEMO_TODAY)

    const [app] = await database.db.select().from(applications).where(eq(applications.id, approved.id))
    expect(app?.status).toBe('approved')
    expect(app?.decidedAt).not.toBeNull()
    const [org] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, app?.organizationId ?? ''))
    expect(org).toMatchObject({
      slug: 'open-supply-chain-institute',
      name: 'Open Supply Chain Institute',
      category: 'bff',
      bffKind: 'national_ngo',
      states: ['KS'],
      focusIndustries: ['Aerospace and defense'],
    })
    const history = await database.db
      .select({ kind: admissionEvents.kind, on: admissionEvents.effectiveOn })
      .from(admissionEvents)
      .where(eq(admissionEvents.organizationId, org?.id ?? ''))
      .orderBy(asc(admissionEvents.effectiveOn))
    expect(history).toEqual([
      { kind: 'applied', on: '2026-10-05' },
      { kind: 'admitted', on: DEMO_TODAY },
    ])
    const [decided] = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, approved.id), eq(applicationEvents.kind, 'decided')))
    expect(decided?.actorId).toBe(ids['board2@example.org'])
    expect(decided?.comment).toContain(
      'Approved: the outcome could no longer change once 2 of 3 members had voted (2 approve, 0 reject, 0 abstain of 3 members (quorum 2)).',
    )

    // The applicant hears the outcome with the comments, then that the organisation is admitted.
    await eventually(() => emailsTo(approved.applicantEmail).length === 2, 5000)
    const [outcome, admitted] = emailsTo(approved.applicantEmail)
    expect(outcome?.subject).toBe(
      'The Advisory Board approved the application of Open Supply Chain Institute',
    )
    expect(outcome?.text).toContain('The vote: 2 approve, 0 reject, 0 abstain of 3 members (quorum 2).')
    expect(outcome?.text).toContain('- Morgan Achebe (approve): Strong open-source value.')
    expect(outcome?.text).toContain('- Elena Vasquez (approve): Their tools are used widely.')
    expect(outcome?.text).toContain(`${TEST_ORIGIN}/applications/${approved.id}`)
    expect(admitted?.subject).toBe('Open Supply Chain Institute is admitted to the collaborative')
    expect(admitted?.text).toContain('admitted to the collaborative from November 26, 2026')
    expect(admitted?.text).toContain(`${TEST_ORIGIN}/organizations/open-supply-chain-institute`)
    expect(admitted?.text).toContain('Staff will invite the two people who will hold these seats by email')

    // In the directory, the API and on its profile, for everyone, at once.
    const directory = await anonymous.get('/directory')
    expect(await directory.text()).toContain('Open Supply Chain Institute')
    const api = (await (await anonymous.get('/api/v1/organizations')).json()) as {
      data: { slug: string; admittedOn: string; category: string; summary: string | null }[]
    }
    expect(api.data.find((o) => o.slug === 'open-supply-chain-institute')).toMatchObject({
      admittedOn: DEMO_TODAY,
      category: 'bff',
      summary: 'Open Supply Chain Institute wants to join the collaborative.',
    })
    expect((await anonymous.get('/organizations/open-supply-chain-institute')).status).toBe(200)

    // Incomplete until both seats are filled.
    expect(await seatsToFill(database.db, org?.id ?? '', DEMO_TODAY)).toEqual(['representative', 'alternate'])
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(seats).values({
        organizationId: org?.id ?? '',
        role: 'representative',
        personId: ids['board@example.org'] ?? '',
        startsOn: DEMO_TODAY,
      }),
    )
    expect(await seatsToFill(database.db, org?.id ?? '', DEMO_TODAY)).toEqual(['alternate'])
    expect(await seatsToFill(database.db, org?.id ?? '', '2026-11-25')).toEqual([
      'representative',
      'alternate',
    ])
  })

  it('shows the decision with who, when, the tally and the comments on the board and staff pages, and to callers of decisionSummary', async () => {
    const boardPage = await session('board3@example.org').get(`/board/applications/${approved.id}`)
    const text = await pageText(boardPage)
    expect(text).toContain('Approved by the Advisory Board')
    expect(text).toMatch(/Decided \w+ \d+, \d{4}, [\d:]+ [ap]m ET Settled by the vote of Elena Vasquez/)
    expect(text).toContain('Tally 2 approve, 0 reject, 0 abstain of 3 members (quorum 2)')
    expect(text).toContain('Organisation Open Supply Chain Institute, admitted November 26, 2026')
    expect(text).toMatch(/Morgan Achebe Approve Strong open-source value\./)
    expect(text).toMatch(/Elena Vasquez Approve Their tools are used widely\./)
    expect(text).not.toContain('Cast my vote')
    const staffPage = await pageText(
      await session('staff@example.org').get(`/staff/applications/${approved.id}`),
    )
    expect(staffPage).toContain('Approved by the Advisory Board')
    expect(staffPage).toContain('Tally 2 approve, 0 reject, 0 abstain of 3 members (quorum 2)')
    expect(staffPage).not.toContain('Close the decision')

    const summary = await decisionSummary(database.db, approved.id)
    expect(summary).toMatchObject({
      outcome: 'approved',
      decidedBy: { personId: ids['board2@example.org'], name: 'Elena Vasquez' },
      closedBy: 'vote',
      tally: { approve: 2, reject: 0, abstain: 0, eligible: 3, quorum: 2 },
      admittedOn: DEMO_TODAY,
      organization: { slug: 'open-supply-chain-institute', name: 'Open Supply Chain Institute' },
    })
    expect(summary?.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(summary?.votes.map((v) => [v.voterName, v.choice, v.comment, v.counts])).toEqual([
      ['Morgan Achebe', 'approve', 'Strong open-source value.', true],
      ['Elena Vasquez', 'approve', 'Their tools are used widely.', true],
    ])
    expect(await decisionSummary(database.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it("keeps a BFF's open-source value on its profile when it wrote no summary", async () => {
    const app = await applicationWithBoard(database.db, { name: 'Open Gauge Commons', summary: null })
    expect((await vote('board@example.org', app.id, 'approve')).status).toBe(303)
    expect((await vote('board2@example.org', app.id, 'approve')).status).toBe(303)
    const res = await new Session(hub.app).get('/api/v1/organizations/open-gauge-commons')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: { summary: string | null } }
    expect(body.data.summary).toBe('Open supply-chain mapping tools.')
  })

  it('refuses a vote after the decision with 409 and a clear message, and changes nothing', async () => {
    const before = await boardState(approved.id)
    const late = await vote('board3@example.org', approved.id, 'reject', 'Too late?')
    expect(late.status).toBe(409)
    const text = await pageText(late)
    expect(text).toContain(
      "The Advisory Board's decision on this application is recorded (approved): votes can no longer be cast or changed.",
    )
    expect(text).toContain('Approved by the Advisory Board')
    const change = await vote('board@example.org', approved.id, 'reject')
    expect(change.status).toBe(409)
    const close = await session('staff@example.org').post(`/staff/applications/${approved.id}/close`, {})
    expect(close.status).toBe(409)
    expect(await boardState(approved.id)).toBe(before)
  })

  it('lets a member change their vote before the decision; refuses staff closing below the quorum; a tie closed by staff rejects', async () => {
    const app = await applicationWithBoard(database.db, { name: 'Tie Break Alliance' })
    expect((await vote('board@example.org', app.id, 'approve')).status).toBe(303)
    expect((await vote('board@example.org', app.id, 'reject', 'On reflection, not yet.')).status).toBe(303)
    const rows = await database.db.select().from(boardVotes).where(eq(boardVotes.applicationId, app.id))
    expect(rows.map((r) => [r.voterId, r.choice, r.comment])).toEqual([
      [ids['board@example.org'], 'reject', 'On reflection, not yet.'],
    ])
    const myPage = await session('board@example.org').get(`/board/applications/${app.id}`)
    const myHtml = await myPage.text()
    expect(myHtml).toMatch(/id="choice-reject" name="choice" value="reject" checked=""/)
    expect(myHtml).toContain('On reflection, not yet.</textarea>')
    expect(myHtml).toContain('Change my vote')

    // 1 of 3 voted: the quorum is 2.
    const staffView = await pageText(await session('staff@example.org').get(`/staff/applications/${app.id}`))
    expect(staffView).toContain('The quorum is not met: 1 of 3 board members voted, and 2 must vote')
    const before = await boardState(app.id)
    const early = await session('staff@example.org').post(`/staff/applications/${app.id}/close`, {})
    expect(early.status).toBe(409)
    expect(await pageText(early)).toContain(
      'The quorum is not met: 1 of 3 board members voted, and at least 2 must vote before the decision can be closed.',
    )
    expect(await boardState(app.id)).toBe(before)

    expect((await vote('board2@example.org', app.id, 'approve')).status).toBe(303)
    expect((await statusOf(app.id)).status).toBe('with_board')
    const closed = await session('staff@example.org').post(`/staff/applications/${app.id}/close`, {
      comment: 'The board met and agreed to close on the votes cast.',
    })
    expect(closed.status).toBe(303)
    const [decision] = await database.db
      .select()
      .from(applicationDecisions)
      .where(eq(applicationDecisions.applicationId, app.id))
    expect(decision).toMatchObject({
      outcome: 'rejected',
      tally: { approve: 1, reject: 1, abstain: 0, eligible: 3, quorum: 2 },
      decidedBy: ids['staff@example.org'],
      admittedOn: null,
    })
    const summary = await decisionSummary(database.db, app.id)
    expect(summary?.closedBy).toBe('staff')
    expect(summary?.explanation).toBe(
      'Rejected: closed by Robin Castellano with the quorum met; a tie is not a majority, so it is rejected (1 approve, 1 reject, 0 abstain of 3 members (quorum 2)).\nComment: The board met and agreed to close on the votes cast.',
    )
    const [email] = emailsTo(app.applicantEmail)
    expect(email?.subject).toBe('The Advisory Board did not approve the application of Tie Break Alliance')
    expect(email?.text).toContain('- Morgan Achebe (reject): On reflection, not yet.')
    expect(email?.text).toContain(
      '- Staff, on closing the decision: The board met and agreed to close on the votes cast.',
    )
  })

  async function statusOf(id: string) {
    const [row] = await database.db
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, id))
    return { status: row?.status }
  }

  it('rejects when two of three reject, admits nothing, and then refuses staff verdicts too', async () => {
    const app = await applicationWithBoard(database.db, { name: 'Rejected Region', category: 'member' })
    const organizationsBefore = await database.db.$count(organizations)
    expect(
      (await vote('board@example.org', app.id, 'reject', 'The plan has no manufacturing part.')).status,
    ).toBe(303)
    const last = await vote('board3@example.org', app.id, 'reject')
    expect(last.headers.get('location')).toBe(`/board/applications/${app.id}?notice=decided`)
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id))
    expect(row).toMatchObject({ status: 'rejected', organizationId: null })
    expect(await database.db.$count(organizations)).toBe(organizationsBefore)
    const [decision] = await database.db
      .select()
      .from(applicationDecisions)
      .where(eq(applicationDecisions.applicationId, app.id))
    expect(decision?.tally).toEqual({ approve: 0, reject: 2, abstain: 0, eligible: 3, quorum: 2 })
    const email = await sink.waitFor(app.applicantEmail)
    expect(email.subject).toBe('The Advisory Board did not approve the application of Rejected Region')
    expect(email.text).toContain('- Morgan Achebe (reject): The plan has no manufacturing part.')
    expect(emailsTo(app.applicantEmail)).toHaveLength(1)

    const review = await session('staff@example.org').post(`/staff/applications/${app.id}/review`, {
      verdict_agreement: 'met',
      verdict_swot: 'met',
      verdict_plan: 'met',
      verdict_dei_sustainability: 'met',
    })
    expect(review.status).toBe(409)
    expect(await pageText(review)).toContain('The Advisory Board has decided on this application')
  })

  it('admits a member closed by staff with its partners and known designations, a free slug, and lists unknown programs', async () => {
    const app = await applicationWithBoard(database.db, {
      name: 'South Kansas',
      category: 'member',
      partners: ['Wichita State University', 'City of Wichita', 'Wichita State University', '  '],
      designations: [
        { program: 'IMCP', kind: 'designated', date: '2014-05-28' },
        { program: 'MADEUP', kind: 'designated', date: '2020-01-01' },
        { program: 'DMCSP' },
      ],
    })
    expect(await uniqueOrganizationSlug(database.db, 'South Kansas')).toBe('south-kansas-2')
    expect((await vote('board@example.org', app.id, 'approve')).status).toBe(303)
    expect((await vote('board2@example.org', app.id, 'abstain')).status).toBe(303)
    expect((await statusOf(app.id)).status).toBe('with_board')
    const closed = await session('staff@example.org').post(`/staff/applications/${app.id}/close`, {})
    expect(closed.status).toBe(303)
    expect(closed.headers.get('location')).toBe(`/staff/applications/${app.id}?notice=decided`)
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id))
    expect(row?.status).toBe('approved')
    const [org] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, row?.organizationId ?? ''))
    expect(org?.slug).toBe('south-kansas-2')
    expect(org?.counties).toEqual(['20173'])
    const partners = await database.db
      .select({ name: organizationPartners.name, position: organizationPartners.position })
      .from(organizationPartners)
      .where(eq(organizationPartners.organizationId, org?.id ?? ''))
      .orderBy(asc(organizationPartners.position))
    expect(partners).toEqual([
      { name: 'Wichita State University', position: 0 },
      { name: 'City of Wichita', position: 1 },
    ])
    const recorded = await database.db
      .select({ code: designationPrograms.code, kind: designations.kind, on: designations.designatedOn })
      .from(designations)
      .innerJoin(designationPrograms, eq(designationPrograms.id, designations.programId))
      .where(eq(designations.organizationId, org?.id ?? ''))
    expect(recorded).toEqual([{ code: 'IMCP', kind: 'designated', on: '2014-05-28' }])
    const summary = await decisionSummary(database.db, app.id)
    expect(summary?.tally).toEqual({ approve: 1, reject: 0, abstain: 1, eligible: 3, quorum: 2 })
    expect(summary?.closedBy).toBe('staff')
    expect(summary?.explanation).toContain(
      'Approved: closed by Robin Castellano with the quorum met (1 approve',
    )
    expect(summary?.explanation).toContain(
      'Designations not recorded: MADEUP 2020-01-01 (unknown program); {"program":"DMCSP"} (not a program code with a date).',
    )
    const directory = await new Session(hub.app).get('/directory')
    expect(await directory.text()).toContain('href="/organizations/south-kansas-2"')
  })

  it('records one decision when the deciding votes arrive at the same moment', async () => {
    const app = await applicationWithBoard(database.db, { name: 'Race Condition BFF' })
    expect((await vote('board@example.org', app.id, 'approve')).status).toBe(303)
    const answers = await Promise.all([
      vote('board2@example.org', app.id, 'approve'),
      vote('board3@example.org', app.id, 'approve'),
    ])
    // The application row is locked while a vote is counted: the second sees the decision.
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409])
    expect(
      await database.db.$count(applicationDecisions, eq(applicationDecisions.applicationId, app.id)),
    ).toBe(1)
    expect(await database.db.$count(boardVotes, eq(boardVotes.applicationId, app.id))).toBe(2)
    expect(await database.db.$count(organizations, eq(organizations.name, 'Race Condition BFF'))).toBe(1)
  })

  it('refuses votes from people not on the board, staff included, and stores nothing', async () => {
    const app = await applicationWithBoard(database.db, { name: 'Outsider Test BFF' })
    const before = await boardState(app.id)
    for (const email of [representativeEmail, 'staff@example.org']) {
      const res = await vote(email, app.id, 'approve')
      expect(res.status, email).toBe(403)
      expect(await pageText(res)).toContain('Your account does not have access to this page.')
      expect((await session(email).get('/board/applications')).status).toBe(403)
      expect((await session(email).get(`/board/applications/${app.id}`)).status).toBe(403)
    }
    const anonymous = await new Session(hub.app).post(`/board/applications/${app.id}/vote`, {
      choice: 'approve',
    })
    expect(anonymous.status).toBe(303)
    expect(await boardState(app.id)).toBe(before)

    // A board member's form with no choice: the error sits by the field, and nothing is stored.
    const empty = await vote('board3@example.org', app.id, '', 'Typed but no choice.')
    expect(empty.status).toBe(400)
    const html = await empty.text()
    expect(html).toContain('Choose approve, reject or abstain.')
    expect(html).toContain('Typed but no choice.</textarea>')
    const long = await vote('board3@example.org', app.id, 'abstain', 'x'.repeat(2001))
    expect(long.status).toBe(400)
    expect(await long.text()).toContain('Write at most 2,000 characters (this comment has 2,001).')
    expect(await boardState(app.id)).toBe(before)
    expect(
      (await session('board3@example.org').get('/board/applications/00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404)
  })

  it('records every vote in the audit log against the member who cast it', async () => {
    const votes = await database.db
      .select({ id: boardVotes.id, voterId: boardVotes.voterId })
      .from(boardVotes)
      .where(eq(boardVotes.applicationId, approved.id))
    expect(votes).toHaveLength(2)
    for (const v of votes) {
      const entries = await database.db
        .select({ actor: auditLog.actor, action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.tableName, 'board_votes'), eq(auditLog.recordId, v.id)))
      expect(entries).toEqual([{ actor: `person:${v.voterId}`, action: 'insert' }])
    }
    const [decisionEntry] = await database.db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(eq(auditLog.tableName, 'application_decisions'))
      .orderBy(asc(auditLog.at))
    expect(decisionEntry?.actor).toBe(`person:${ids['board2@example.org']}`)
    const page = await pageText(await session('staff@example.org').get('/staff/audit?table=board_votes'))
    expect(page).toContain('Insert in board_votes')
    expect(page).toContain('Morgan Achebe (board@example.org)')
    expect(page).toContain('Elena Vasquez (board2@example.org)')
  })

  it('lets a staff member vote once they hold a board term, and counts them in the board', async () => {
    const app = await applicationWithBoard(database.db, { name: 'Staff On Board BFF' })
    const staff2 = new Session(hub.app)
    await signInAs(staff2, database.db, hub.auth, { email: 'staff2@example.org' })
    expect((await staff2.post(`/board/applications/${app.id}/vote`, { choice: 'approve' })).status).toBe(403)
    const staff2Id = (await personByEmail(database.db, 'staff2@example.org'))?.id ?? ''
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(boardMembers).values({ personId: staff2Id, startsOn: DEMO_TODAY }),
    )
    const res = await staff2.post(`/board/applications/${app.id}/vote`, { choice: 'approve' })
    expect(res.status).toBe(303)
    const page = await pageText(await staff2.get(`/board/applications/${app.id}`))
    expect(page).toContain('1 of 4 Board members who voted 2 Quorum')
    const [row] = await database.db.select().from(boardVotes).where(eq(boardVotes.applicationId, app.id))
    expect(row?.voterId).toBe(staff2Id)
  })
})
