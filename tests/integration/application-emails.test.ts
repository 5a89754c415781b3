import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { boardMembers, settings, staffMembers } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { defaultChrome } from '../../src/ui/site-chrome.ts'
import { createPerson, type TestPerson } from '../support/factories.ts'
import {
  completeMemberDraft,
  nominationPairs,
  postPairs,
  signedInApplicant,
  startDraft,
} from '../support/fixtures/applications.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
const network = defaultChrome.name
/** The test clock's day (DEMO_TODAY), as the emails write it. */
const today = 'November 26, 2026'

const allMet = {
  verdict_agreement: 'met',
  comment_agreement: '',
  verdict_swot: 'met',
  comment_swot: '',
  verdict_plan: 'met',
  comment_plan: '',
  verdict_dei_sustainability: 'met',
  comment_dei_sustainability: '',
}

describe(`the emails of an application on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let staff: TestPerson
  let staff2: TestPerson
  let board: TestPerson
  let board2: TestPerson
  const sessions = new Map<string, Session>()

  /** The emails sent since `from`: who got them (sorted) and what they were about. */
  const since = (from: number) => sink.messages.slice(from)
  const recipients = (from: number) =>
    since(from)
      .flatMap((m) => m.to)
      .sort()
  const to = (from: number, person: { email: string }) =>
    since(from).filter((m) => m.to.includes(person.email.toLowerCase()))
  const signedIn = async (person: TestPerson) => {
    const session = new Session(hub.app)
    await signInAs(session, database.db, hub.auth, { email: person.email })
    sessions.set(person.id, session)
    return session
  }
  const as = (person: TestPerson) => sessions.get(person.id) as Session
  const lower = (...people: { email: string }[]) => people.map((p) => p.email.toLowerCase()).sort()

  beforeAll(async () => {
    database = await createTestDatabase()
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    staff = await createPerson(database.db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    staff2 = await createPerson(database.db, { fullName: 'Ben Staff', role: 'staff', since: '2024-01-01' })
    board = await createPerson(database.db, { fullName: 'Cleo Board', role: 'board', since: '2020-01-01' })
    board2 = await createPerson(database.db, { fullName: 'Dan Board', role: 'board', since: '2020-01-01' })
    // Former staff and a former board member, and someone who is neither: none is told anything.
    const former = await createPerson(database.db, { fullName: 'Eve Former' })
    await writeAs(database.db, 'system', async (tx) => {
      await tx
        .insert(staffMembers)
        .values({ personId: former.id, startsOn: '2019-01-01', endsOn: '2025-01-01' })
      await tx
        .insert(boardMembers)
        .values({ personId: former.id, startsOn: '2019-01-01', endsOn: '2025-01-01' })
    })
    await createPerson(database.db, { fullName: 'Finn Bystander' })
    for (const person of [staff, board, board2]) await signedIn(person)
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('tells a member application’s way from submission to decision, each time to the right people only', async () => {
    const applicantSession = new Session(hub.app)
    const applicant = await signedInApplicant(applicantSession, database.db, hub.auth, {
      name: 'Gia Applicant',
    })
    const id = await startDraft(applicantSession, { organizationName: 'Lakeshore Makers' })
    await completeMemberDraft(applicantSession, id)

    // Submitted: a receipt to the applicant, a notice to each current staff member.
    let from = sink.messages.length
    expect((await applicantSession.post(`/applications/${id}/submit`, {})).status).toBe(303)
    expect(recipients(from)).toEqual(lower(applicant, staff, staff2))
    const [receipt] = to(from, applicant)
    expect(receipt?.subject).toBe(`${network}: the application of Lakeshore Makers is submitted`)
    expect(receipt?.text).toContain(
      `The application of Lakeshore Makers (Member community) to the ${network} was submitted on ${today}.`,
    )
    expect(receipt?.text).toContain(`${TEST_ORIGIN}/applications/${id}`)
    expect(receipt?.raw).not.toMatch(/^List-Unsubscribe:/im)
    const [notice] = to(from, staff)
    expect(notice?.subject).toBe(`${network}: new application from Lakeshore Makers`)
    expect(notice?.text).toContain(
      `Gia Applicant submitted the application of Lakeshore Makers (Member community) to the ${network} on ${today}. It waits for staff review.`,
    )
    expect(notice?.text).toContain(`${TEST_ORIGIN}/staff/applications/${id}`)

    // More information requested: to the applicant alone (the review's own email).
    from = sink.messages.length
    const askMore = { ...allMet, verdict_swot: 'needs_info', comment_swot: 'The SWOT link is broken.' }
    expect((await as(staff).post(`/staff/applications/${id}/review`, askMore)).status).toBe(303)
    expect(recipients(from)).toEqual(lower(applicant))
    expect(since(from)[0]?.subject).toBe('More information needed: Lakeshore Makers')
    expect(since(from)[0]?.text).toContain(
      `Staff of the ${network} reviewed the application of Lakeshore Makers (round 1) on ${today} and need more information`,
    )

    // Answered: a notice to each current staff member, with the answer.
    from = sink.messages.length
    const answer = 'The SWOT is uploaded again.'
    expect((await applicantSession.post(`/applications/${id}/answer`, { answer })).status).toBe(303)
    expect(recipients(from)).toEqual(lower(staff, staff2))
    const [answered] = to(from, staff2)
    expect(answered?.subject).toBe(`${network}: Lakeshore Makers answered the request for more information`)
    expect(answered?.text).toContain(
      `Gia Applicant answered staff's request for more information on the application of Lakeshore Makers (Member community) on ${today}. The application is back with staff for round 2.`,
    )
    expect(answered?.text).toMatch(/The answer:\r?\nThe SWOT is uploaded again\./)

    // Ready for the board: a notice to each current member of the Advisory Board.
    from = sink.messages.length
    expect((await as(staff).post(`/staff/applications/${id}/review`, allMet)).status).toBe(303)
    expect(recipients(from)).toEqual(lower(board, board2))
    const [ready] = to(from, board)
    expect(ready?.subject).toBe(
      `${network}: the application of Lakeshore Makers is ready for the Advisory Board`,
    )
    expect(ready?.text).toContain(
      `The application of Lakeshore Makers (Member community) to the ${network} is with the Advisory Board since ${today}, ready for your vote.`,
    )
    expect(ready?.text).toContain(`${TEST_ORIGIN}/board/applications/${id}`)

    // Decided: the applicant hears the outcome and the admission; the two nominees are invited.
    from = sink.messages.length
    const vote = (person: TestPerson) =>
      as(person).post(`/board/applications/${id}/vote`, { choice: 'approve', comment: '' })
    expect((await vote(board)).status).toBe(303)
    expect(since(from)).toEqual([])
    expect((await vote(board2)).status).toBe(303)
    const nominees = nominationPairs()
      .filter(([name]) => name.endsWith('Email'))
      .map(([, email]) => ({ email }))
    expect(recipients(from)).toEqual(lower(applicant, applicant, ...nominees))
    expect(to(from, applicant).map((m) => m.subject)).toEqual([
      'The Advisory Board approved the application of Lakeshore Makers',
      'Lakeshore Makers is admitted to the collaborative',
    ])
    const [decided, admitted] = to(from, applicant)
    expect(decided?.text).toContain(
      `The Advisory Board approved the application of Lakeshore Makers. The ${network} recorded the decision on ${today}.`,
    )
    expect(admitted?.text).toContain(`Welcome to the ${network}.`)
  })

  it('tells staff and the board at once of a BFF that goes straight to the board, and declines to the applicant alone', async () => {
    const applicantSession = new Session(hub.app)
    const applicant = await signedInApplicant(applicantSession, database.db, hub.auth, {
      name: 'Hal Applicant',
    })
    const id = await startDraft(applicantSession, { category: 'bff', organizationName: 'Open Tools Lab' })
    await postPairs(applicantSession, `/applications/${id}`, [
      ['bffKind', 'private_entity'],
      ['openSourceValue', 'Open-source CNC toolpaths.'],
      ...nominationPairs('otl'),
    ])
    let from = sink.messages.length
    expect((await applicantSession.post(`/applications/${id}/submit`, {})).status).toBe(303)
    expect(recipients(from)).toEqual(lower(applicant, staff, staff2, board, board2))
    expect(to(from, applicant)[0]?.text).toContain(
      'It goes straight to the Advisory Board, which votes on it.',
    )
    expect(to(from, staff)[0]?.text).toContain('It went straight to the Advisory Board.')
    expect(to(from, board2)[0]?.text).toContain(
      `The application of Open Tools Lab (BFF) to the ${network} is with the Advisory Board since ${today}`,
    )

    from = sink.messages.length
    for (const person of [board, board2])
      await as(person).post(`/board/applications/${id}/vote`, { choice: 'reject', comment: 'Not yet.' })
    expect(recipients(from)).toEqual(lower(applicant))
    expect(since(from)[0]?.subject).toBe(
      'The Advisory Board did not approve the application of Open Tools Lab',
    )
  })

  it('tells the board when staff send a reviewed BFF on', async () => {
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values({ key: 'bffSkipsStaffReview', value: false }),
    )
    try {
      const applicantSession = new Session(hub.app)
      const applicant = await signedInApplicant(applicantSession, database.db, hub.auth)
      const id = await startDraft(applicantSession, { category: 'bff', organizationName: 'Shared Data Co' })
      await postPairs(applicantSession, `/applications/${id}`, [
        ['bffKind', 'other'],
        ['openSourceValue', 'Shared data.'],
        ...nominationPairs('sdc'),
      ])
      let from = sink.messages.length
      await applicantSession.post(`/applications/${id}/submit`, {})
      expect(recipients(from)).toEqual(lower(applicant, staff, staff2))
      from = sink.messages.length
      const sent = await as(staff).post(`/staff/applications/${id}/send-to-board`, { comment: '' })
      expect(sent.status).toBe(303)
      expect(recipients(from)).toEqual(lower(board, board2))
    } finally {
      await writeAs(database.db, 'system', (tx) =>
        tx.delete(settings).where(sql`${settings.key} = 'bffSkipsStaffReview'`),
      )
    }
  })

  it('submits the application when no email can be sent: the record stands', async () => {
    const offline = await createTestApp(database, { smtpUrl: 'smtp://127.0.0.1:9' })
    try {
      const applicantSession = new Session(offline.app)
      await signedInApplicant(applicantSession, database.db, offline.auth)
      const id = await startDraft(applicantSession, { organizationName: 'Quiet Valley Works' })
      await completeMemberDraft(applicantSession, id)
      expect((await applicantSession.post(`/applications/${id}/submit`, {})).status).toBe(303)
      const [row] = await queryRows<{ status: string }>(
        database.db,
        sql`select status from applications where id = ${id}`,
      )
      expect(row?.status).toBe('submitted')
    } finally {
      await offline.stop()
    }
  })
})
