import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '#src/lib/dates.ts'
import { listOutbox } from '#src/lib/mailer.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { questionSharing } from '../../src/features/sharing/question-sharing.ts'
import { recordSharing } from '../../src/features/sharing/record-sharing.ts'
import { nearMisses, pdfOfSize, samplePdf } from '../support/fixtures/sample-files.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'

type Holder = { id: string; email: string; full_name: string }
type SharingRow = {
  id: string
  shared_on: string
  audience: string
  channel: string
  description: string | null
  evidence_url: string | null
  evidence_file_id: string | null
  recorded_by: string | null
  question: string | null
  answer: string | null
  answered_at: string | null
}

/** Posts the form as the page does (multipart), with repeated fields and an optional file. */
async function postForm(
  session: Session,
  path: string,
  fields: [string, string][],
  file?: { name: string; bytes: Uint8Array; type?: string },
): Promise<Response> {
  const form = new FormData()
  form.set('_csrf', TEST_CSRF)
  for (const [key, value] of fields) form.append(key, value)
  if (file)
    form.set(
      'evidenceFile',
      new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }),
    )
  return session.app.request(path, {
    method: 'POST',
    body: form,
    headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
  })
}

describe(`quarterly sharing records on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let repA: Holder
  let altA: Holder
  let representative: Session
  let alternate: Session
  let otherRepresentative: Session
  let staff: Session
  let board: Session
  let briefings: { id: string; title: string; published_on: string }[]

  async function holderOf(slug: string, role: 'representative' | 'alternate') {
    const [row] = await queryRows<Holder>(
      database.db,
      sql`select p.id, p.email, p.full_name from seats s
        join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where o.slug = ${slug} and s.role = ${role} and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!row) throw new Error(`${slug} has no ${role} on ${DEMO_TODAY}`)
    return row
  }

  const sharingRows = (slug = ORG_A) =>
    queryRows<SharingRow>(
      database.db,
      sql`select s.id, s.shared_on::text as shared_on, s.audience, s.channel, s.description, s.evidence_url,
          s.evidence_file_id, s.recorded_by, s.question, s.answer, s.answered_at::text as answered_at
        from sharing_attestations s join organizations o on o.id = s.organization_id
        where o.slug = ${slug} order by s.recorded_at, s.id`,
    )
  const count = async (table: 'sharing_attestations' | 'sharing_briefings' | 'stored_files') =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
    )[0]?.n
  const rowById = async (id: string) => (await sharingRows()).find((r) => r.id === id) as SharingRow

  /** The id a record's redirect names. */
  const recordedId = (res: Response) =>
    new URL(res.headers.get('location') ?? '', TEST_ORIGIN).searchParams.get('recorded') ?? ''

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    repA = await holderOf(ORG_A, 'representative')
    altA = await holderOf(ORG_A, 'alternate')
    const repB = await holderOf(ORG_B, 'representative')
    const signIn = async (email: string) => {
      const session = new Session(t.app)
      await signInAs(session, database.db, t.auth, { email })
      return session
    }
    representative = await signIn(repA.email)
    alternate = await signIn(altA.email)
    otherRepresentative = await signIn(repB.email)
    staff = await signIn('staff@example.org')
    board = await signIn('board@example.org')
    briefings = await queryRows(
      database.db,
      sql`select id, title, published_on::text as published_on from briefings
        where published_on <= ${DEMO_TODAY}::date order by published_on`,
    )
    expect(briefings.length).toBeGreaterThanOrEqual(2)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it("shows AMP SoCal's representative the year by quarter, the form with the published briefings, and the records", async () => {
    const res = await representative.get(`/organizations/${ORG_A}/sharing`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const html = await res.text()
    expect(html).toContain('enctype="multipart/form-data"')
    for (const b of briefings) expect(html).toContain(`value="${b.id}"`)
    const text = await pageText(new Response(html))
    expect(text).toContain('Quarterly sharing of')
    expect(text).toMatch(/Q1 January to March (Done|Missed|Not required)/)
    expect(text).toContain('Records of 2026')
    for (const r of await sharingRows()) expect(html).toContain(`id="sharing-${r.id}"`)
  })

  it('records a sharing action with two briefings and a link, in one transaction recorded against the representative', async () => {
    const [first, second] = briefings.slice(-2) as [(typeof briefings)[0], (typeof briefings)[0]]
    const res = await postForm(representative, `/organizations/${ORG_A}/sharing`, [
      ['sharedOn', '2026-11-20'],
      ['audience', 'Regional partners’ steering committee'],
      ['channel', 'Meeting'],
      ['briefingIds', first.id],
      ['briefingIds', second.id],
      ['description', 'Presented the two briefings and took questions.'],
      ['evidenceUrl', 'https://amp-socal.example.org/minutes/2026-11-20'],
    ])
    expect(res.status).toBe(303)
    const id = recordedId(res)
    expect(res.headers.get('location')).toBe(
      `/organizations/${ORG_A}/sharing?year=2026&recorded=${id}#sharing-${id}`,
    )
    expect(await rowById(id)).toMatchObject({
      shared_on: '2026-11-20',
      audience: 'Regional partners’ steering committee',
      channel: 'Meeting',
      description: 'Presented the two briefings and took questions.',
      evidence_url: 'https://amp-socal.example.org/minutes/2026-11-20',
      evidence_file_id: null,
      recorded_by: repA.id,
    })
    const shared = await queryRows<{ briefing_id: string }>(
      database.db,
      sql`select briefing_id from sharing_briefings where sharing_id = ${id} order by briefing_id`,
    )
    expect(shared.map((r) => r.briefing_id).sort()).toEqual([first.id, second.id].sort())
    const audited = await queryRows<{ actor: string; table_name: string }>(
      database.db,
      sql`select actor, table_name from audit_log
        where (table_name = 'sharing_attestations' and record_id = ${id})
          or (table_name = 'sharing_briefings' and after ->> 'sharing_id' = ${id})
        order by table_name`,
    )
    expect(audited).toEqual([
      { actor: `person:${repA.id}`, table_name: 'sharing_attestations' },
      { actor: `person:${repA.id}`, table_name: 'sharing_briefings' },
      { actor: `person:${repA.id}`, table_name: 'sharing_briefings' },
    ])

    const page = await pageText(await representative.get(res.headers.get('location') ?? ''))
    expect(page).toContain(
      'Recorded: the sharing of November 20, 2026 with Regional partners’ steering committee.',
    )
    expect(page).toContain(first.title)
    expect(page).toContain(second.title)
    expect(page).toContain('https://amp-socal.example.org/minutes/2026-11-20')
    expect(page).toContain(`By ${repA.full_name}`)
    expect(page).toMatch(/Q4 October to December Done: \d+ records?/)
  })

  it('records a sharing action with an evidence file that the seat holders, staff and the board download safely', async () => {
    const files = await count('stored_files')
    const res = await postForm(
      alternate,
      `/organizations/${ORG_A}/sharing`,
      [
        ['sharedOn', '2026-10-05'],
        ['audience', 'All staff of the partnership'],
        ['channel', 'Email newsletter'],
      ],
      { name: 'October newsletter.pdf', bytes: samplePdf('October newsletter'), type: 'application/pdf' },
    )
    expect(res.status).toBe(303)
    const id = recordedId(res)
    const row = await rowById(id)
    expect(row.recorded_by).toBe(altA.id)
    expect(row.evidence_file_id).not.toBeNull()
    expect(await count('stored_files')).toBe((files ?? 0) + 1)
    const [file] = await queryRows<{ name: string; content_type: string; uploaded_by: string }>(
      database.db,
      sql`select name, content_type, uploaded_by from stored_files where id = ${row.evidence_file_id}`,
    )
    expect(file).toEqual({
      name: 'October newsletter.pdf',
      content_type: 'application/pdf',
      uploaded_by: altA.id,
    })

    const html = await (await representative.get(`/organizations/${ORG_A}/sharing`)).text()
    const link = `/organizations/${ORG_A}/sharing/${id}/evidence`
    expect(html).toContain(`href="${link}"`)
    for (const who of [representative, alternate, staff, board]) {
      const download = await who.get(link)
      expect(download.status).toBe(200)
      expect(download.headers.get('content-type')).toBe('application/pdf')
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="October newsletter.pdf"; filename*=UTF-8''October%20newsletter.pdf`,
      )
      expect(download.headers.get('x-content-type-options')).toBe('nosniff')
      expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
      expect(download.headers.get('cache-control')).toBe('private, no-store')
      expect(
        Buffer.from(await download.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-')
    }
    const refused = await otherRepresentative.get(link)
    expect(refused.status).toBe(403)
    expect(await pageText(refused)).toContain('can download its sharing evidence')
    expect((await staff.get(`/organizations/${ORG_A}/sharing/${id}/nope`)).status).toBe(404)
    expect((await staff.get(`/organizations/${ORG_B}/sharing/${id}/evidence`)).status).toBe(404)
  })

  it('refuses a future date, a missing audience and a file that is not what it claims, keeping what was typed and storing nothing', async () => {
    const before = await Promise.all([
      count('sharing_attestations'),
      count('sharing_briefings'),
      count('stored_files'),
    ])
    const briefing = briefings.at(-1) as (typeof briefings)[0]
    const res = await postForm(
      representative,
      `/organizations/${ORG_A}/sharing`,
      [
        ['sharedOn', addDays(DEMO_TODAY, 1)],
        ['audience', '   '],
        ['channel', 'Regional podcast'],
        ['briefingIds', briefing.id],
        ['description', 'Kept through the refusal.'],
        ['evidenceUrl', 'https://amp-socal.example.org/podcast/12'],
      ],
      nearMisses.textAsPdf(),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    const text = await pageText(new Response(html))
    expect(text).toContain('Nothing was recorded: correct the 3 fields marked below.')
    expect(text).toContain(
      'The date cannot be in the future: enter today (November 26, 2026) or an earlier day.',
    )
    expect(text).toContain('Say who you shared with, such as “Regional partners’ steering committee”.')
    expect(text).toContain(
      'report.pdf is not a PDF: its content is not a PDF, Word, Excel, PowerPoint, PNG or JPEG file.',
    )
    expect(html).toContain('value="2026-11-27"')
    expect(html).toContain('value="Regional podcast"')
    expect(html).toContain('value="https://amp-socal.example.org/podcast/12"')
    expect(html).toContain('Kept through the refusal.</textarea>')
    expect(html).toMatch(new RegExp(`value="${briefing.id}" checked`))
    expect(html).toMatch(/id="sharing-audience"[^>]*aria-invalid="true"/)
    expect(
      await Promise.all([count('sharing_attestations'), count('sharing_briefings'), count('stored_files')]),
    ).toEqual(before)

    const beforeAdmission = await postForm(representative, `/organizations/${ORG_A}/sharing`, [
      ['sharedOn', '2024-01-02'],
      ['audience', 'Board of the partnership'],
      ['channel', 'Meeting'],
    ])
    expect(beforeAdmission.status).toBe(400)
    expect(await pageText(beforeAdmission)).toMatch(
      /Enter a date within the last two years: November 26, 2024 or later\.|was admitted on .*: enter that day or a later one\./,
    )
    expect(await count('sharing_attestations')).toBe(before[0])
  })

  it('refuses a 21 MB file with its size and the limit, keeping the typed values and storing nothing', async () => {
    const before = await Promise.all([count('sharing_attestations'), count('stored_files')])
    const res = await postForm(
      representative,
      `/organizations/${ORG_A}/sharing`,
      [
        ['sharedOn', '2026-11-10'],
        ['audience', 'Partners of the port'],
        ['channel', 'Meeting'],
      ],
      { name: 'recording.pdf', bytes: pdfOfSize(21 * 1024 * 1024) },
    )
    expect(res.status).toBe(413)
    const html = await res.text()
    expect(await pageText(new Response(html))).toContain(
      'recording.pdf was not accepted: the file is 21.0 MB; the limit is 20 MB.',
    )
    expect(html).toContain('value="Partners of the port"')
    expect(await Promise.all([count('sharing_attestations'), count('stored_files')])).toEqual(before)
  })

  it('points the representative to a question on a record of an earlier year', async () => {
    const [org] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where slug = ${ORG_A}`,
    )
    const staffId = (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id from people where email = 'staff@example.org'`,
      )
    )[0]?.id as string
    const id = await recordSharing(database.db, 'system', {
      organizationId: org?.id as string,
      recordedBy: repA.id,
      value: {
        sharedOn: '2025-12-01',
        audience: 'Year-end meeting of the partners',
        channel: 'Meeting',
        description: null,
        evidenceUrl: null,
        briefingIds: [],
      },
    })
    await questionSharing(database.db, 'system', { id, question: 'Who chaired it?', questionedBy: staffId })
    const html = await (await representative.get(`/organizations/${ORG_A}/sharing`)).text()
    expect(html).toContain(`href="/organizations/${ORG_A}/sharing?year=2025#sharing-${id}"`)
    const earlier = await pageText(await representative.get(`/organizations/${ORG_A}/sharing?year=2025`))
    expect(earlier).toContain('Records of 2025')
    expect(earlier).toContain('Who chaired it?')
    await representative.post(`/organizations/${ORG_A}/sharing/${id}/answer`, { answer: 'Our director.' })
    expect(await (await representative.get(`/organizations/${ORG_A}/sharing`)).text()).not.toContain(
      `sharing?year=2025#sharing-${id}`,
    )
  })

  it("refuses another organisation's representative and the board, and knows no unknown organisation", async () => {
    const before = await count('sharing_attestations')
    const page = await otherRepresentative.get(`/organizations/${ORG_A}/sharing`)
    expect(page.status).toBe(403)
    expect(await pageText(page)).toContain('Only staff and the representative and alternate of')
    const post = await postForm(otherRepresentative, `/organizations/${ORG_A}/sharing`, [
      ['sharedOn', DEMO_TODAY],
      ['audience', 'Not their partners'],
      ['channel', 'Meeting'],
    ])
    expect(post.status).toBe(403)
    const [record] = await sharingRows()
    const answer = await otherRepresentative.post(`/organizations/${ORG_A}/sharing/${record?.id}/answer`, {
      answer: 'Not mine to answer.',
    })
    expect(answer.status).toBe(403)
    expect(await count('sharing_attestations')).toBe(before)
    expect((await board.get(`/organizations/${ORG_A}/sharing`)).status).toBe(403)
    expect((await representative.get('/staff/sharing')).status).toBe(403)
    expect((await representative.get(`/organizations/${ORG_B}/sharing`)).status).toBe(403)
    expect((await staff.get(`/organizations/${ORG_B}/sharing`)).status).toBe(200)
    expect((await staff.get('/organizations/no-such-org/sharing')).status).toBe(404)
  })

  it('lets staff question a record: the representative is emailed, sees it, answers, and staff read the answer', async () => {
    const created = await postForm(representative, `/organizations/${ORG_A}/sharing`, [
      ['sharedOn', '2026-11-02'],
      ['audience', 'County workforce board'],
      ['channel', 'Website'],
    ])
    const id = recordedId(created)
    const list = await staff.get('/staff/sharing')
    expect(list.status).toBe(200)
    const listHtml = await list.text()
    expect(listHtml).toContain(`id="sharing-${id}"`)
    expect(listHtml).toContain('County workforce board')
    // Every admitted organisation's records of the year, not only AMP SoCal's.
    const orgs = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct organization_id)::int as n from sharing_attestations where shared_on >= '2026-01-01'`,
    )
    expect(listHtml.match(/class="sharing-record"/g)?.length).toBeGreaterThan(orgs[0]?.n ?? 0)

    const emailsBefore = (await listOutbox(t.outboxDir)).length
    const asked = await staff.post(`/staff/sharing/${id}/question`, {
      question: 'Which briefings did the website carry?',
    })
    expect(asked.status).toBe(303)
    expect(asked.headers.get('location')).toBe(
      `/staff/sharing?year=2026&quarter=4&asked=${id}&mail=sent#sharing-${id}`,
    )
    expect(await pageText(await staff.get(asked.headers.get('location') ?? ''))).toContain(
      'Your question is on the sharing of November 2, 2026 by',
    )
    const outbox = await listOutbox(t.outboxDir)
    const emails = outbox.slice(0, outbox.length - emailsBefore)
    expect(emails.map((e) => e.to).sort()).toEqual([repA.email, altA.email].sort())
    expect(emails[0]?.subject).toBe('A question about the sharing of November 2, 2026')
    expect(emails[0]?.text).toContain('Which briefings did the website carry?')
    expect(emails[0]?.text).toContain(`/organizations/${ORG_A}/sharing?year=2026#sharing-${id}`)

    const seen = await pageText(await representative.get(`/organizations/${ORG_A}/sharing`))
    expect(seen).toMatch(/Staff asked about (a record|\d+ records): .*the sharing of November 2, 2026/)
    expect(seen).toContain('Question from staff')
    expect(seen).toContain('Which briefings did the website carry?')
    expect(seen).toContain('Question awaiting an answer')
    const unanswered = await (await staff.get('/staff/sharing?year=2026&show=unanswered')).text()
    expect(unanswered).toContain(`id="sharing-${id}"`)

    const answered = await representative.post(`/organizations/${ORG_A}/sharing/${id}/answer`, {
      answer: '  The workforce pipelines briefing.  ',
    })
    expect(answered.status).toBe(303)
    expect(answered.headers.get('location')).toBe(
      `/organizations/${ORG_A}/sharing?year=2026&answered=${id}#sharing-${id}`,
    )
    expect(await rowById(id)).toMatchObject({
      question: 'Which briefings did the website carry?',
      answer: 'The workforce pipelines briefing.',
    })
    expect(await pageText(await representative.get(answered.headers.get('location') ?? ''))).toContain(
      'Your answer is saved: staff can read it now.',
    )
    const staffView = await staff.get(`/staff/sharing/${id}`)
    const staffText = await pageText(staffView)
    expect(staffText).toContain('The workforce pipelines briefing.')
    expect(staffText).toContain('Question answered')
    expect(await (await staff.get('/staff/sharing?year=2026&show=unanswered')).text()).not.toContain(
      `id="sharing-${id}"`,
    )
    expect(await (await staff.get('/staff/sharing?year=2026&show=questioned')).text()).toContain(
      `id="sharing-${id}"`,
    )

    // A new question replaces the last one and clears its answer.
    await staff.post(`/staff/sharing/${id}/question`, { question: 'Can you send the page address?' })
    expect(await rowById(id)).toMatchObject({
      question: 'Can you send the page address?',
      answer: null,
      answered_at: null,
    })
  })

  it('refuses an empty question, an empty answer, and an answer where nothing was asked', async () => {
    const created = await postForm(alternate, `/organizations/${ORG_A}/sharing`, [
      ['sharedOn', '2026-11-03'],
      ['audience', 'Partner colleges'],
      ['channel', 'Social media'],
    ])
    const id = recordedId(created)
    const noAnswer = await alternate.post(`/organizations/${ORG_A}/sharing/${id}/answer`, {
      answer: 'Unasked.',
    })
    expect(noAnswer.status).toBe(409)
    expect(await pageText(noAnswer)).toContain(
      'Staff have not asked about the sharing of November 3, 2026: there is nothing to answer.',
    )
    const empty = await staff.post(`/staff/sharing/${id}/question`, { question: '  ' })
    expect(empty.status).toBe(400)
    expect(await pageText(empty)).toContain('Write the question to ask the organisation.')
    await staff.post(`/staff/sharing/${id}/question`, { question: 'Who attended?' })
    const emptyAnswer = await alternate.post(`/organizations/${ORG_A}/sharing/${id}/answer`, { answer: '' })
    expect(emptyAnswer.status).toBe(400)
    const html = await emptyAnswer.text()
    expect(html).toContain('Write your answer to the question.')
    expect(html).toContain(`id="answer-${id}"`)
    expect(await rowById(id)).toMatchObject({ question: 'Who attended?', answer: null })
    expect(
      (await staff.post('/staff/sharing/00000000-0000-4000-8000-000000000000/question', { question: 'x' }))
        .status,
    ).toBe(404)
  })

  it('lets staff narrow the network list to one quarter', async () => {
    const html = await (await staff.get('/staff/sharing?year=2026&quarter=1')).text()
    const dates = [...html.matchAll(/Shared on <time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1] ?? '')
    expect(dates.length).toBeGreaterThan(0)
    for (const d of dates) expect(d >= '2026-01-01' && d <= '2026-03-31').toBe(true)
    expect(await pageText(new Response(html))).toContain(`${dates.length} records in Q1 2026.`)
    expect((await board.get('/staff/sharing')).status).toBe(403)
  })
})
