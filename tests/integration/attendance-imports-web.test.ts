import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { ACCEPTED_FORMATS } from '../../src/features/attendance/parse/errors.ts'
import { uploadScript } from '../../src/features/attendance/upload-progress.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { htmlText, pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/attendance')
const TEAMS = 'teams_attendance_report_utf16le.csv'

/** A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */

type Holder = { id: string; email: string; full_name: string; org_name: string }

describe(`importing attendance reports from the staff pages on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let representative: Session
  let teamsBytes: Buffer

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1
  const importCount = () => count(sql`select count(*)::int as n from attendance_imports`)
  const fileCount = () => count(sql`select count(*)::int as n from stored_files`)
  const importAttendance = (importId: string) =>
    count(sql`select count(*)::int as n from attendance where import_id = ${importId}::uuid`)
  const callAttendance = (date: string) =>
    count(sql`select count(*)::int as n from attendance a join calls c on c.id = a.call_id
      where c.local_date = ${date}::date`)

  /** The holder of an organisation's seat on a date. */
  async function holderOf(slug: string, role: 'representative' | 'alternate', onDate: string) {
    const [row] = await queryRows<Holder>(
      database.db,
      sql`select p.id, p.email, p.full_name, o.name as org_name from seats s
        join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where o.slug = ${slug} and s.role = ${role} and s.starts_on <= ${onDate}::date
          and (s.ends_on is null or s.ends_on > ${onDate}::date)`,
    )
    if (!row) throw new Error(`${slug} has no ${role} on ${onDate}`)
    return row
  }

  /** Posts a report as the upload form does (multipart, with the form token). */
  function upload(
    session: Session,
    date: string,
    file: { name: string; bytes: Uint8Array },
    options: { tokenInHeader?: boolean } = {},
  ) {
    const form = new FormData()
    if (!options.tokenInHeader) form.set('_csrf', TEST_CSRF)
    form.set('report', new File([new Uint8Array(file.bytes)], file.name, { type: 'text/csv' }))
    const headers: Record<string, string> = { Origin: TEST_ORIGIN, Cookie: session.cookieHeader }
    if (options.tokenInHeader) headers['X-CSRF-Token'] = TEST_CSRF
    return t.app.request(`/staff/calls/${date}/attendance/imports`, { method: 'POST', body: form, headers })
  }

  /** Uploads a report and returns the import's address and id from the redirect. */
  async function uploadToPreview(date: string, file: { name: string; bytes: Uint8Array }) {
    const res = await upload(staff, date, file)
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    const match = location.match(/^\/staff\/calls\/[\d-]+\/attendance\/imports\/([0-9a-f-]{36})(\?.*)?$/)
    expect(match, location).not.toBeNull()
    return { location, id: match?.[1] ?? '', query: match?.[2] ?? '' }
  }

  /** The first participant that still needs a decision on an import page: its position and name. */
  function firstUnresolved(html: string) {
    const match = html.match(/id="resolve-(\d+)"[\s\S]*?<strong id="match-\d+-name">([^<]+)<\/strong>/)
    if (!match) throw new Error('no participant needs a decision')
    return { position: Number(match[1]), name: htmlText(match[2] ?? '') }
  }

  /** A Teams report built from the sample, with two of its people given these addresses. */
  function teamsReportFor(emails: [string, string]) {
    const text = new TextDecoder('utf-16le')
      .decode(teamsBytes)
      .replaceAll('jrivera@example.org', emails[0].toUpperCase())
      .replaceAll('dwhitfield@example.org', emails[1])
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\ufeff/, ''), 'utf16le')])
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    representative = new Session(t.app)
    const rep = await holderOf('amp-socal', 'representative', DEMO_TODAY)
    await signInAs(representative, database.db, t.auth, { email: rep.email })
    teamsBytes = await readFile(path.join(fixtures, TEAMS))
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows the attendance page of a held call with the upload form, its script and the links', async () => {
    const res = await staff.get('/staff/calls/2026-11-23/attendance')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toContain('accept=".csv,.tsv,.txt"')
    expect(html).toContain('name="_csrf"')
    expect(html).toContain(`<script src="${uploadScript.src}"`)
    expect(html).toContain('href="/staff/calls/2026-11-23/roll-call"')
    expect(html).toContain('href="/calls/2026-11-23"')
    const text = htmlText(html)
    expect(text).toContain('Attendance of the call of November 23, 2026')
    expect(text).toContain(
      'Report file: a Zoom participants CSV, a Teams attendance report or a Google Meet attendance CSV',
    )
    expect(text).toContain('No report has been imported for this call yet.')

    const script = await t.app.request(uploadScript.src)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toContain('text/javascript')
    expect(script.headers.get('cache-control')).toContain('immutable')
    expect(await script.text()).toContain('XMLHttpRequest')
  })

  it('imports a Teams report: preview, a match by hand, commit, the same file again, undo', async () => {
    const date = '2026-11-23'
    const holder = await holderOf('south-kansas', 'representative', date)
    const before = await callAttendance(date)

    const { location, id } = await uploadToPreview(date, { name: TEAMS, bytes: teamsBytes })
    let res = await staff.get(location)
    expect(res.status).toBe(200)
    let html = await res.text()
    let text = htmlText(html)
    expect(text).toContain(`Preview of ${TEAMS}`)
    expect(text).toContain('Microsoft Teams attendance report')
    for (const name of ['Jordan Rivera', 'Dana Whitfield', 'Marcus Oyelaran', 'Priya Raman', 'Ted Kowalski'])
      expect(text).toContain(name)
    expect(text).toContain('Whitfield, Dana')
    expect(text).toContain('Needs a decision')
    expect(await importAttendance(id)).toBe(0)

    // Match one participant by hand to a seat holder of the day.
    const row = firstUnresolved(html)
    res = await staff.post(`${location}/participants/${row.position}`, { personId: holder.id })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(
      new RegExp(`^${location}\\?matched=${row.position}#(resolve-\\d+|actions)$`),
    )
    html = await (await staff.get(res.headers.get('location') ?? '')).text()
    text = htmlText(html)
    expect(text).toContain(`${row.name} is matched to ${holder.full_name}.`)
    const tableRow = html.match(new RegExp(`<tr id="row-${row.position}"[\\s\\S]*?</tr>`))?.[0] ?? ''
    expect(htmlText(tableRow)).toContain(holder.full_name)
    expect(htmlText(tableRow)).toContain('manual')
    expect(htmlText(tableRow)).toContain('Representative')

    // Commit: the matched people's attendance is recorded for the call.
    res = await staff.post(`${location}/commit`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${location}?notice=committed`)
    const recorded = await importAttendance(id)
    expect(recorded).toBeGreaterThanOrEqual(1)
    const [mine] = await queryRows<{ seconds: number; source: string }>(
      database.db,
      sql`select seconds, source from attendance where import_id = ${id}::uuid and person_id = ${holder.id}::uuid`,
    )
    expect(mine?.source).toBe('teams')
    expect(await callAttendance(date)).toBe(before + recorded)
    text = await pageText(await staff.get(`${location}?notice=committed`))
    expect(text).toContain('Undo this import')
    expect(text).not.toContain('Commit import')

    // The same file again changes nothing, and says so.
    const imports = await importCount()
    const again = await upload(staff, date, { name: 'renamed copy.csv', bytes: teamsBytes })
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe(`${location}?notice=unchanged`)
    text = await pageText(await staff.get(again.headers.get('location') ?? ''))
    expect(text).toMatch(
      /This file was already imported for this call on November \d+, 2026 by [^:]+: nothing changed\./,
    )
    expect(await importCount()).toBe(imports)
    expect(await importAttendance(id)).toBe(recorded)
    expect(await callAttendance(date)).toBe(before + recorded)

    // The list shows the import.
    text = await pageText(await staff.get(`/staff/calls/${date}/attendance`))
    expect(text).toContain(TEAMS)
    expect(text).toContain('Committed')

    // Undo: the import's attendance is gone, the record stays.
    res = await staff.post(`${location}/undo`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${location}?notice=undone`)
    expect(await importAttendance(id)).toBe(0)
    expect(await callAttendance(date)).toBe(before)
    text = await pageText(await staff.get(`${location}?notice=undone`))
    expect(text).toContain('The import is undone')
    expect(text).toContain('Undone')
    expect(text).not.toContain('Undo this import')
  })

  it('matches seat holders by email in any case and counts them for their organisation', async () => {
    const date = '2026-11-16'
    const rep = await holderOf('amp-socal', 'representative', date)
    const alt = await holderOf('amp-socal', 'alternate', date)
    const bytes = teamsReportFor([rep.email, alt.email])
    const { location, id } = await uploadToPreview(date, { name: 'amp-socal.csv', bytes })
    const html = await (await staff.get(location)).text()
    for (const person of [rep, alt]) {
      const row = html.match(
        new RegExp(
          `<tr id="row-\\d+"[^>]*>(?:(?!</tr>)[\\s\\S])*?${person.full_name}(?:(?!</tr>)[\\s\\S])*?</tr>`,
        ),
      )?.[0]
      expect(row, person.full_name).toBeDefined()
      const rowText = htmlText(row ?? '')
      expect(rowText).toContain('email')
      expect(rowText).toContain(`${person === rep ? 'Representative' : 'Alternate'}, ${person.org_name}`)
      expect(rowText).toContain('Yes')
    }
    expect(htmlText(html)).toContain('1 organisations counted')

    // A participant marked as a guest shows as one and does not count.
    const guest = firstUnresolved(html)
    const res = await staff.post(`${location}/participants/${guest.position}`, { personId: 'guest' })
    expect(res.status).toBe(303)
    const after = await (await staff.get(res.headers.get('location') ?? '')).text()
    expect(htmlText(after)).toContain(`${guest.name} is marked as a guest.`)
    const guestRow = after.match(new RegExp(`<tr id="row-${guest.position}"[\\s\\S]*?</tr>`))?.[0] ?? ''
    expect(htmlText(guestRow)).toContain('guest')
    expect(htmlText(guestRow)).toContain('No')

    expect((await staff.post(`${location}/commit`, {})).status).toBe(303)
    const recorded = await importAttendance(id)
    // Commit pressed twice (a second tab, a double click): the second changes nothing, and says so.
    const twice = await staff.post(`${location}/commit`, {})
    expect(twice.headers.get('location')).toBe(`${location}?notice=unchanged`)
    expect(await pageText(await staff.get(`${location}?notice=unchanged`))).toContain('nothing changed.')
    expect(await importAttendance(id)).toBe(recorded)
    const people = await queryRows<{ person_id: string }>(
      database.db,
      sql`select person_id from attendance where import_id = ${id}::uuid`,
    )
    expect(people.map((p) => p.person_id)).toEqual(expect.arrayContaining([rep.id, alt.id]))
  })

  it('changes a wrong match after the commit, and the call’s attendance follows', async () => {
    const date = '2026-11-09'
    const rep = await holderOf('amp-socal', 'representative', date)
    const other = await holderOf('south-kansas', 'representative', date)
    // The representative's address given to someone else's row: matched by email, wrongly.
    const { location, id } = await uploadToPreview(date, {
      name: 'wrong.csv',
      bytes: teamsReportFor([rep.email, 'nobody@elsewhere.example.com']),
    })
    expect((await staff.post(`${location}/commit`, {})).status).toBe(303)
    const html = await (await staff.get(location)).text()
    const position = Number(
      html.match(new RegExp(`<tr id="row-(\\d+)"(?:(?!</tr>)[\\s\\S])*?${rep.full_name}`))?.[1],
    )
    expect(position).toBeGreaterThan(0)
    expect(html).toContain(`href="${location}/participants/${position}"`)

    const page = await staff.get(`${location}/participants/${position}`)
    expect(page.status).toBe(200)
    const text = await pageText(page)
    expect(text).toContain(`Matched to ${rep.full_name} (email)`)

    const refused = await staff.post(`${location}/participants/${position}`, { personId: '' })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain('Nothing was changed')

    const saved = await staff.post(`${location}/participants/${position}`, { personId: other.id })
    expect(saved.status).toBe(303)
    const people = await queryRows<{ person_id: string }>(
      database.db,
      sql`select person_id from attendance where import_id = ${id}::uuid`,
    )
    expect(people.map((p) => p.person_id)).toContain(other.id)
    expect(people.map((p) => p.person_id)).not.toContain(rep.id)
  })

  it('refuses a file that is not a report with the formats it accepts, and stores nothing', async () => {
    const imports = await importCount()
    const files = await fileCount()
    const res = await upload(staff, '2026-11-09', {
      name: 'minutes.csv',
      bytes: Buffer.from('Item,Owner\nBudget,Robin\n'),
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(htmlText(html)).toContain(ACCEPTED_FORMATS)
    expect(html).toContain('name="report"')
    expect(html).toContain('aria-invalid="true"')
    expect(await importCount()).toBe(imports)
    expect(await fileCount()).toBe(files)

    const webinar = await readFile(path.join(fixtures, 'zoom_webinar_attendee_report.csv'))
    const refused = await upload(staff, '2026-11-09', { name: 'webinar.csv', bytes: webinar })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain('webinar')
    expect(await importCount()).toBe(imports)
  })

  it('refuses an empty file and one over 5 MB, however the form token is sent', async () => {
    const imports = await importCount()
    const empty = await upload(staff, '2026-11-09', { name: 'empty.csv', bytes: new Uint8Array(0) })
    expect(empty.status).toBe(400)
    expect(await pageText(empty)).toContain('empty.csv is empty')
    const big = new Uint8Array(5 * 1024 * 1024 + 200 * 1024).fill(0x41)
    for (const tokenInHeader of [false, true]) {
      const res = await upload(staff, '2026-11-09', { name: 'huge.csv', bytes: big }, { tokenInHeader })
      expect(res.status).toBe(413)
      expect(await pageText(res)).toContain('a report can be at most 5 MB')
    }
    expect(await importCount()).toBe(imports)
  })

  it('offers the source file as a download that the browser neither renders nor sniffs', async () => {
    const meet = await readFile(path.join(fixtures, 'google_meet_attendance.csv'))
    const { location } = await uploadToPreview('2026-11-02', { name: 'meet "report".csv', bytes: meet })
    const page = await pageText(await staff.get(location))
    expect(page).toContain('Google Meet attendance')
    const res = await staff.get(`${location}/source`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="meet _report_.csv"/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
    expect(res.headers.get('cache-control')).toContain('no-store')
    expect(Buffer.from(await res.arrayBuffer()).equals(meet)).toBe(true)

    // Discarding the preview drops it and its file.
    const files = await fileCount()
    const discarded = await staff.post(`${location}/discard`, {})
    expect(discarded.status).toBe(303)
    expect(discarded.headers.get('location')).toBe('/staff/calls/2026-11-02/attendance?notice=discarded')
    expect((await staff.get(location)).status).toBe(404)
    expect(await fileCount()).toBe(files - 1)
  })

  it('asks for a choice when Match is pressed without one, keeping the page as it was', async () => {
    const zoom = await readFile(path.join(fixtures, 'zoom_participants_with_meeting_data.csv'))
    const { location } = await uploadToPreview('2026-10-26', { name: 'zoom.csv', bytes: zoom })
    const row = firstUnresolved(await (await staff.get(location)).text())
    const res = await staff.post(`${location}/participants/${row.position}`, { personId: '' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(htmlText(html)).toContain(`Choose who ${row.name} is, or mark them as a guest.`)
    expect(html).toContain(`id="match-${row.position}-error"`)
    const unknown = await staff.post(`${location}/participants/${row.position}`, {
      personId: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.status).toBe(400)
    expect(await pageText(unknown)).toContain('Choose a person from the list')
    expect((await staff.post(`${location}/participants/9999`, { personId: 'guest' })).status).toBe(404)
  })

  it('refuses a representative, and stores nothing for them', async () => {
    const imports = await importCount()
    expect((await representative.get('/staff/calls/2026-11-23/attendance')).status).toBe(403)
    const res = await upload(representative, '2026-11-23', { name: TEAMS, bytes: teamsBytes })
    expect(res.status).toBe(403)
    expect(await importCount()).toBe(imports)
    expect((await t.app.request('/staff/calls/2026-11-23/attendance')).status).toBe(303)
  })

  it('answers 400 for a malformed date, 404 for a day without a call, and refuses cancelled and future calls', async () => {
    expect((await staff.get('/staff/calls/2026-13-01/attendance')).status).toBe(400)
    expect((await staff.get('/staff/calls/2026-11-24/attendance')).status).toBe(404)
    expect((await staff.get('/staff/calls/2026-11-23/attendance/imports/not-an-id')).status).toBe(404)

    const [cancelled] = await queryRows<{ d: string }>(
      database.db,
      sql`select local_date::text as d from calls where status = 'cancelled' and local_date < ${DEMO_TODAY}::date
        order by local_date desc limit 1`,
    )
    const imports = await importCount()
    for (const [date, words] of [
      [cancelled?.d ?? '', 'was cancelled'],
      ['2026-11-30', 'has not taken place yet'],
    ] as const) {
      const page = await staff.get(`/staff/calls/${date}/attendance`)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(htmlText(html)).toContain(words)
      expect(html).not.toContain('enctype="multipart/form-data"')
      const res = await upload(staff, date, { name: TEAMS, bytes: teamsBytes })
      expect(res.status).toBe(409)
      expect(await pageText(res)).toContain(words)
    }
    expect(await importCount()).toBe(imports)
  })
})
