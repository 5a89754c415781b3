import { createHash } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import {
  applicationEvents,
  applicationEvidence,
  applicationReviews,
  applications,
  people,
  settings,
  storedFiles,
} from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

let made = 0

/**
 * An application written straight into the database in the state a test needs, as the
 * applicant side would leave it: the applicant, the row, its created/submitted events and,
 * for a member, evidence for each criterion (a stored PDF for the agreement, links for the rest).
 */
async function createApplication(
  db: Db,
  options: {
    category?: 'member' | 'bff'
    status?: 'submitted' | 'needs_info' | 'with_board' | 'draft'
    name?: string
    round?: number
  } = {},
): Promise<{ id: string; applicantEmail: string; applicantId: string }> {
  const n = ++made
  const category = options.category ?? 'member'
  const applicantEmail = `applicant.${n}@example.org`
  return writeAs(db, 'system', async (tx) => {
    const [applicant] = await tx
      .insert(people)
      .values({ fullName: `Applicant Number${n}`, email: applicantEmail })
      .returning({ id: people.id })
    const applicantId = applicant?.id ?? ''
    const [app] = await tx
      .insert(applications)
      .values({
        category,
        status: options.status ?? 'submitted',
        applicantId,
        organizationName: options.name ?? `Lakeshore Manufacturing Alliance ${n}`,
        leadOrganization: category === 'member' ? 'Lakeshore State University' : null,
        website: 'https://lakeshore.example.org',
        summary: 'A regional partnership of colleges, cities and manufacturers.',
        states: ['MI', 'OH'],
        counties: ['26163'],
        focusIndustries: ['Automotive', 'Advanced materials'],
        partners: ['City of Lakeshore', 'Lakeshore Community College', 'Great Lakes Metalworks'],
        designations: [{ program: 'IMCP', kind: 'designated', date: '2015-07-08' }],
        bffKind: category === 'bff' ? 'national_ngo' : null,
        openSourceValue: category === 'bff' ? 'Open training curricula.' : null,
        round: options.round ?? 1,
        submittedAt: sql`hub_now() - interval '1 day'`,
      })
      .returning({ id: applications.id })
    const id = app?.id ?? ''
    await tx.insert(applicationEvents).values([
      {
        applicationId: id,
        kind: 'created',
        actorId: applicantId,
        round: 0,
        createdAt: sql`hub_now() - interval '2 days'`,
      },
      {
        applicationId: id,
        kind: 'submitted',
        actorId: applicantId,
        round: 1,
        createdAt: sql`hub_now() - interval '1 day'`,
      },
    ])
    if (category === 'member') {
      const data = Buffer.from('%PDF-1.4\n% a collaboration agreement\n')
      const [file] = await tx
        .insert(storedFiles)
        .values({
          name: 'agreement.pdf',
          contentType: 'application/pdf',
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
          uploadedBy: applicantId,
        })
        .returning({ id: storedFiles.id })
      await tx.insert(applicationEvidence).values([
        { applicationId: id, criterion: 'agreement', fileId: file?.id ?? null },
        { applicationId: id, criterion: 'swot', url: 'https://lakeshore.example.org/swot' },
        { applicationId: id, criterion: 'plan', url: 'https://lakeshore.example.org/plan' },
        { applicationId: id, criterion: 'dei_sustainability', url: 'javascript:alert(1)' },
      ])
    }
    return { id, applicantEmail, applicantId }
  })
}

const allMet = {
  verdict_agreement: 'met',
  comment_agreement: '',
  verdict_swot: 'met',
  comment_swot: '',
  verdict_plan: 'met',
  comment_plan: 'A strong manufacturing chapter.',
  verdict_dei_sustainability: 'met',
  comment_dei_sustainability: '',
}

describe(`staff review of applications on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let staff: Session
  let board: Session
  let staffPersonId: string

  const statusOf = async (id: string) =>
    (
      await database.db.select({ s: applications.status }).from(applications).where(eq(applications.id, id))
    )[0]?.s

  /** The rows an application's review touches, hashed: equal means nothing changed. */
  const snapshot = async (id: string) => {
    const [row] = await queryRows<{ h: string }>(
      database.db,
      sql`select md5(concat_ws('|',
          (select string_agg(a::text, ',') from applications a where a.id = ${id}),
          (select string_agg(r::text, ',' order by r.id) from application_reviews r where r.application_id = ${id}),
          (select string_agg(e::text, ',' order by e.id) from application_events e where e.application_id = ${id}))) as h`,
    )
    return row?.h
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    staff = new Session(hub.app)
    await signInAs(staff, database.db, hub.auth, { email: 'staff@example.org' })
    board = new Session(hub.app)
    await signInAs(board, database.db, hub.auth, { email: 'board@example.org' })
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('lists applications waiting for staff, for the applicant and for the board, and filters them by status', async () => {
    const submitted = await createApplication(database.db, { name: 'Queue Submitted Region' })
    await createApplication(database.db, { name: 'Queue Needs Info Region', status: 'needs_info' })
    await createApplication(database.db, { name: 'Queue Board BFF', status: 'with_board', category: 'bff' })
    await createApplication(database.db, { name: 'Queue Draft Region', status: 'draft' })

    const all = await staff.get('/staff/applications')
    expect(all.status).toBe(200)
    expect(all.headers.get('cache-control')).toContain('no-store')
    const text = await pageText(all)
    expect(text).toContain('Queue Submitted Region Member community Applicant Number')
    expect(text).toContain('Queue Needs Info Region')
    expect(text).toMatch(
      /Queue Board BFF BFF Applicant Number\d+ \w+ \d+, \d{4}, [\d:]+ [ap]m ET 1 With the Advisory Board/,
    )
    expect(text).not.toContain('Queue Draft Region')

    const onlyWaiting = await pageText(await staff.get('/staff/applications?status=submitted'))
    expect(onlyWaiting).toContain('Queue Submitted Region')
    expect(onlyWaiting).not.toContain('Queue Needs Info Region')
    expect(onlyWaiting).not.toContain('Queue Board BFF')
    expect(await (await staff.get('/staff/applications?status=needs_info')).text()).toContain(
      'Queue Needs Info Region',
    )

    const wrong = await staff.get('/staff/applications?status=everything')
    expect(wrong.status).toBe(400)
    expect(await pageText(wrong)).toContain('Choose a status from the list.')

    const link = `/staff/applications/${submitted.id}`
    expect(await (await staff.get('/staff/applications')).text()).toContain(`href="${link}"`)
  })

  it('shows staff the whole application: profile, partners with their count, evidence as file and safe links', async () => {
    const app = await createApplication(database.db, { name: 'Detail Region' })
    const res = await staff.get(`/staff/applications/${app.id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const text = await pageText(new Response(html))
    expect(text).toContain('Detail Region')
    expect(text).toContain('Lead organisation Lakeshore State University')
    expect(text).toContain('States Michigan, Ohio')
    expect(text).toContain('County Wayne, MI')
    expect(text).toContain('Focus industries Automotive, Advanced materials')
    expect(text).toContain('IMCP: designated on July 8, 2015')
    expect(text).toContain('3 partners: City of Lakeshore Lakeshore Community College Great Lakes Metalworks')
    const [file] = await database.db
      .select({ id: applicationEvidence.fileId })
      .from(applicationEvidence)
      .where(
        and(eq(applicationEvidence.applicationId, app.id), eq(applicationEvidence.criterion, 'agreement')),
      )
    expect(html).toContain(`<a href="/files/${file?.id}">agreement.pdf</a>`)
    expect(html).toContain('<a href="https://lakeshore.example.org/swot" rel="noopener nofollow">')
    // A link that is not a web address is shown, never made clickable.
    expect(html).not.toContain('href="javascript:')
    expect(text).toContain('javascript:alert(1) (not a web address, so not linked)')
    // The review form: four criteria, each with three verdicts and a labelled comment.
    for (const criterion of ['agreement', 'swot', 'plan', 'dei_sustainability']) {
      for (const verdict of ['met', 'not_met', 'needs_info'])
        expect(html).toContain(
          `id="verdict_${criterion}-${verdict}" name="verdict_${criterion}" value="${verdict}"`,
        )
      expect(html).toContain(`<label for="comment_${criterion}">`)
    }
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[\w-]{20,}"/)
    expect(text).toContain('Application started by Applicant Number')
  })

  it('refuses a "not met" or "needs more information" without a comment, keeps what was typed and stores nothing', async () => {
    const app = await createApplication(database.db)
    const before = await snapshot(app.id)
    const res = await staff.post(`/staff/applications/${app.id}/review`, {
      ...allMet,
      verdict_swot: 'needs_info',
      comment_swot: '   ',
      verdict_plan: 'not_met',
      comment_plan: '',
      verdict_dei_sustainability: '',
      comment_agreement: 'Signed by all four partners.',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    const text = await pageText(new Response(html))
    expect(text).toContain('The verdicts were not recorded: 3 answers need a change')
    expect(text).toContain(
      'Say what the applicant should add: a comment is needed when more information is asked for.',
    )
    expect(text).toContain('Say why the criterion is not met: a comment is needed for this verdict.')
    expect(text).toContain('Choose met, not met or needs more information.')
    expect(html).toContain('Signed by all four partners.</textarea>')
    expect(html).toMatch(/id="verdict_swot-needs_info" name="verdict_swot" value="needs_info" checked=""/)
    expect(html).toContain('aria-describedby="comment_swot-error comment_swot-hint"')
    expect(await snapshot(app.id)).toBe(before)
  })

  it('sends an application back for more information, emails the applicant, and keeps both rounds when the applicant answers', async () => {
    const app = await createApplication(database.db, { name: 'Two Rounds Region' })
    const first = await staff.post(`/staff/applications/${app.id}/review`, {
      ...allMet,
      verdict_swot: 'needs_info',
      comment_swot: 'The SWOT analysis link asks for a password. Upload the document instead.',
    })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`/staff/applications/${app.id}?notice=needs_info`)
    expect(await statusOf(app.id)).toBe('needs_info')

    const email = await sink.waitFor(app.applicantEmail)
    expect(email.subject).toBe('More information needed: Two Rounds Region')
    expect(email.text).toContain(
      'SWOT analysis: The SWOT analysis link asks for a password. Upload the document instead.',
    )
    expect(email.text).toContain(`${TEST_ORIGIN}/applications/${app.id}`)
    expect(email.text).not.toContain('Written collaboration agreement')

    const [requested] = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.kind, 'info_requested')))
    expect(requested).toMatchObject({ actorId: staffPersonId, round: 1 })
    expect(requested?.comment).toContain('SWOT analysis: The SWOT analysis link asks for a password.')

    const waiting = await pageText(await staff.get(`/staff/applications/${app.id}?notice=needs_info`))
    expect(waiting).toContain('went back to the applicant, who was emailed what to add')
    expect(waiting).toContain('Waiting for the applicant to add the information asked for in round 1')
    expect(waiting).not.toContain('Record the verdicts')

    // While it waits for the applicant, staff cannot judge it again.
    const early = await staff.post(`/staff/applications/${app.id}/review`, allMet)
    expect(early.status).toBe(409)
    expect(await pageText(early)).toContain('verdicts can be recorded again once the applicant answers')

    // The applicant answers (the applicant side does this): round 2 opens.
    await writeAs(database.db, `person:${app.applicantId}`, async (tx) => {
      await tx.update(applications).set({ status: 'submitted', round: 2 }).where(eq(applications.id, app.id))
      await tx.insert(applicationEvents).values({
        applicationId: app.id,
        kind: 'answered',
        actorId: app.applicantId,
        round: 2,
        comment: 'Uploaded the SWOT analysis.',
      })
    })

    const second = await staff.post(`/staff/applications/${app.id}/review`, allMet)
    expect(second.status).toBe(303)
    expect(await statusOf(app.id)).toBe('with_board')

    const reviews = await database.db
      .select()
      .from(applicationReviews)
      .where(eq(applicationReviews.applicationId, app.id))
      .orderBy(asc(applicationReviews.round), asc(applicationReviews.criterion))
    expect(reviews.map((r) => `${r.round} ${r.criterion} ${r.verdict}`)).toEqual([
      '1 agreement met',
      '1 dei_sustainability met',
      '1 plan met',
      '1 swot needs_info',
      '2 agreement met',
      '2 dei_sustainability met',
      '2 plan met',
      '2 swot met',
    ])
    expect(new Set(reviews.map((r) => r.reviewerId))).toEqual(new Set([staffPersonId]))

    const events = await database.db
      .select({ kind: applicationEvents.kind, round: applicationEvents.round })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id))
      .orderBy(asc(applicationEvents.createdAt))
    expect(events.map((e) => `${e.kind} ${e.round}`)).toEqual([
      'created 0',
      'submitted 1',
      'info_requested 1',
      'answered 2',
      'sent_to_board 2',
    ])

    const page = await pageText(await staff.get(`/staff/applications/${app.id}`))
    expect(page).toMatch(
      /Round 1 Criterion Verdict Comment Reviewer When .*SWOT analysis Needs more information The SWOT analysis link asks for a password\. Upload the document instead\. Robin Castellano/,
    )
    expect(page).toMatch(
      /Round 2 Criterion Verdict Comment Reviewer When .*SWOT analysis Met Robin Castellano/,
    )
    expect(page).toContain('More information requested (round 1) by Robin Castellano')
    expect(page).toContain('The applicant answered (round 2) by Applicant Number')
    expect(page).toContain(
      'Sent to the Advisory Board (round 2) by Robin Castellano All four criteria are met.',
    )
    expect(page).toContain("The Advisory Board's vote so far")

    // A criterion is judged once per round: the same round cannot be judged again.
    const before = await snapshot(app.id)
    const again = await staff.post(`/staff/applications/${app.id}/review`, allMet)
    expect(again.status).toBe(409)
    expect(await pageText(again)).toContain(
      'This application is with the Advisory Board: staff verdicts can no longer be recorded.',
    )
    expect(await snapshot(app.id)).toBe(before)
  })

  it('sends an application with a criterion not met to the board, which sees the verdict and its comment', async () => {
    const app = await createApplication(database.db, { name: 'Not Met Region' })
    const res = await staff.post(`/staff/applications/${app.id}/review`, {
      ...allMet,
      verdict_dei_sustainability: 'not_met',
      comment_dei_sustainability: 'No mention of sustainability in the plan.',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/staff/applications/${app.id}?notice=with_board`)
    expect(await statusOf(app.id)).toBe('with_board')
    const [sent] = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.kind, 'sent_to_board')))
    expect(sent?.comment).toBe(
      'Sent to the Advisory Board with a criterion not met, for the board to weigh:\nInterest in DEI and environmental sustainability: No mention of sustainability in the plan.',
    )
    const boardView = await pageText(await board.get(`/board/applications/${app.id}`))
    expect(boardView).toContain(
      'Interest in DEI and environmental sustainability Not met No mention of sustainability in the plan. Robin Castellano',
    )
  })

  it('stores comments with markup as text, shows them escaped, and refuses an over-long comment naming the field', async () => {
    const app = await createApplication(database.db)
    const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const tooLong = await staff.post(`/staff/applications/${app.id}/review`, {
      ...allMet,
      verdict_plan: 'needs_info',
      comment_plan: 'a'.repeat(2001),
    })
    expect(tooLong.status).toBe(400)
    const tooLongHtml = await tooLong.text()
    expect(tooLongHtml).toContain('Write at most 2,000 characters (this comment has 2,001).')
    expect(tooLongHtml).toContain('name="comment_plan"')
    expect(await statusOf(app.id)).toBe('submitted')

    const sql = "O'Brien; DROP TABLE applications; --"
    const res = await staff.post(`/staff/applications/${app.id}/review`, {
      ...allMet,
      verdict_plan: 'needs_info',
      comment_plan: markup,
      verdict_swot: 'not_met',
      comment_swot: sql,
    })
    expect(res.status).toBe(303)
    const stored = await database.db
      .select({ criterion: applicationReviews.criterion, comment: applicationReviews.comment })
      .from(applicationReviews)
      .where(eq(applicationReviews.applicationId, app.id))
    expect(stored.find((r) => r.criterion === 'plan')?.comment).toBe(markup)
    expect(stored.find((r) => r.criterion === 'swot')?.comment).toBe(sql)
    const html = await (await staff.get(`/staff/applications/${app.id}`)).text()
    expect(html).not.toContain('<script>alert(')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;')
  })

  it('lets staff send a BFF application to the board when BFFs do not skip staff review', async () => {
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values({ key: 'bffSkipsStaffReview', value: false }),
    )
    const app = await createApplication(database.db, { category: 'bff', name: 'Review First BFF' })
    const page = await staff.get(`/staff/applications/${app.id}`)
    const html = await page.text()
    expect(html).toContain(`action="/staff/applications/${app.id}/send-to-board"`)
    expect(html).not.toContain('Record the verdicts')
    const sent = await staff.post(`/staff/applications/${app.id}/send-to-board`, {
      comment: 'Their curricula are used by twelve colleges.',
    })
    expect(sent.status).toBe(303)
    expect(await statusOf(app.id)).toBe('with_board')
    const [event] = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.kind, 'sent_to_board')))
    expect(event).toMatchObject({
      actorId: staffPersonId,
      comment: 'Their curricula are used by twelve colleges.',
    })
    const twice = await staff.post(`/staff/applications/${app.id}/send-to-board`, { comment: '' })
    expect(twice.status).toBe(409)
    expect(await pageText(twice)).toContain(
      'This application is not waiting for staff (its status: With the Advisory Board).',
    )
    await writeAs(database.db, 'system', (tx) =>
      tx.delete(settings).where(eq(settings.key, 'bffSkipsStaffReview')),
    )
  })

  it('refuses verdicts on a member application while it is with the board, and for a BFF', async () => {
    const withBoard = await createApplication(database.db, { status: 'with_board' })
    const res = await staff.post(`/staff/applications/${withBoard.id}/review`, allMet)
    expect(res.status).toBe(409)
    const bff = await createApplication(database.db, { category: 'bff' })
    const bffRes = await staff.post(`/staff/applications/${bff.id}/review`, allMet)
    expect(bffRes.status).toBe(409)
    expect(await pageText(bffRes)).toContain('BFF applications have no criteria to judge')
    const none = await staff.post('/staff/applications/00000000-0000-4000-8000-000000000000/review', allMet)
    expect(none.status).toBe(404)
    expect((await staff.get('/staff/applications/not-a-uuid')).status).toBe(404)
  })

  it('keeps the staff pages from board members and signed-out visitors', async () => {
    const app = await createApplication(database.db)
    expect((await board.get('/staff/applications')).status).toBe(403)
    expect((await board.get(`/staff/applications/${app.id}`)).status).toBe(403)
    const before = await snapshot(app.id)
    const posted = await board.post(`/staff/applications/${app.id}/review`, allMet)
    expect(posted.status).toBe(403)
    expect(await snapshot(app.id)).toBe(before)
    const anonymous = await new Session(hub.app).get('/staff/applications')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fstaff%2Fapplications')
  })
})
