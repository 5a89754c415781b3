import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import {
  computeYearCompliance,
  type OrganizationCompliance,
} from '../../src/features/obligations/compliance.ts'
import {
  attendanceRate,
  formatRate,
  presentationSummary,
  quarterLabels,
  shortDate,
} from '../../src/features/obligations/obligation-format.ts'
import { complianceStatusLabels } from '../../src/features/obligations/status.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const YEAR = 2026
const ORG = 'amp-socal'
const OTHER = 'south-kansas'

/** A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** RFC 4180 fields, enough for the export: quoted fields with doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** The rows of the network table: the organisation names, top to bottom. */
const tableNames = (html: string): string[] => {
  const table = html.slice(html.indexOf('<table class="network-table">'), html.indexOf('</table>'))
  return [...table.matchAll(/<th scope="row">(.*?)<\/th>/g)].map((m) => textOf(m[1] ?? ''))
}

describe(`the obligations pages on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let orgId: string
  let representative: Session
  let otherRepresentative: Session
  let staff: Session
  let board: Session

  const holderEmail = async (slug: string, role: string) => {
    const [row] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = ${slug} and s.role = ${role}
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!row) throw new Error(`${slug} has no ${role} on ${DEMO_TODAY}`)
    return row.email
  }
  const signIn = async (email: string) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    return session
  }
  const network = () => computeYearCompliance(database.db, { year: YEAR, today: DEMO_TODAY })

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    const [org] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where slug = ${ORG}`,
    )
    orgId = org?.id ?? ''
    representative = await signIn(await holderEmail(ORG, 'representative'))
    otherRepresentative = await signIn(await holderEmail(OTHER, 'representative'))
    staff = await signIn('staff@example.org')
    board = await signIn('board@example.org')
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it("shows the representative their organisation's status, projection and counts, as the engine computes them", async () => {
    const [engine] = await computeYearCompliance(database.db, {
      year: YEAR,
      today: DEMO_TODAY,
      organizationIds: [orgId],
    })
    if (!engine) throw new Error(`${ORG} has no obligations in ${YEAR}`)
    const { attendance: a, status, presentation, sharingQuarters, reasons } = engine.obligations

    const res = await representative.get(`/organizations/${ORG}/obligations`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const html = await res.text()
    const text = textOf(html)
    expect(html.match(/<h1[ >]/g)).toHaveLength(1)
    expect(text).toContain(`Our obligations in ${YEAR}`)
    expect(text).toContain(`Status: ${complianceStatusLabels[status]}`)
    expect(text).toContain(`Attendance: ${a.phrase}`)
    expect(text).toContain(
      `Attended ${a.attended} of ${a.held} held calls (${formatRate(attendanceRate(engine))}). The year asks for ${a.target} of its ${a.held + a.remaining} calls`,
    )
    for (const reason of reasons) expect(text).toContain(reason)
    expect(text).toContain(presentationSummary(presentation))
    for (const q of sharingQuarters)
      expect(text).toMatch(new RegExp(`Q${q.quarter} \\w+ \\d+ – \\w+ \\d+ ${quarterLabels[q.status]}`))
    expect(html).toContain(`href="/organizations/${ORG}/presentation"`)
    expect(html).toContain(`href="/organizations/${ORG}/sharing"`)

    // One row a call; the held ones say who attended, as many as the engine counts.
    const rows = html.slice(html.indexOf('<table class="obligation-calls">')).split('<tr').slice(2)
    const heldRows = rows.filter((r) => r.includes('call-state-held'))
    expect(heldRows).toHaveLength(a.held)
    expect(heldRows.filter((r) => textOf(r).includes(' Attended by '))).toHaveLength(a.attended)
    expect(rows.filter((r) => r.includes('call-state-upcoming'))).toHaveLength(a.remaining)
    const firstAttended = engine.obligations.calls.find((c) => c.isAttended)
    if (firstAttended) {
      const [holder] = await queryRows<{ full_name: string }>(
        database.db,
        sql`select full_name from people where id = ${firstAttended.presentSeatHolders[0] ?? ''}::uuid`,
      )
      const row = heldRows.find((r) => r.includes(`datetime="${firstAttended.localDate}"`)) ?? ''
      expect(textOf(row)).toContain(shortDate(firstAttended.localDate))
      expect(textOf(row)).toContain(`Attended by ${holder?.full_name}`)
    }
  })

  it('shows the phrase "needs N of the remaining R calls" when the engine says so', async () => {
    const needing = (await network()).find((c) => c.obligations.attendance.outlook === 'needs')
    if (!needing) throw new Error('no demo organisation needs calls on DEMO_TODAY')
    const [org] = await queryRows<{ slug: string }>(
      database.db,
      sql`select slug from organizations where id = ${needing.organizationId}::uuid`,
    )
    const res = await staff.get(`/organizations/${org?.slug}/obligations?year=${YEAR}`)
    expect(res.status).toBe(200)
    const text = textOf(await res.text())
    expect(needing.obligations.attendance.phrase).toMatch(/^needs \d+ of the remaining \d+ calls?$/)
    expect(text).toContain(`Obligations of ${needing.name} in ${YEAR}`)
    expect(text).toContain(`Attendance: ${needing.obligations.attendance.phrase}`)
  })

  it("refuses another organisation's representative and the board, sends visitors to sign in, and says which years it can show", async () => {
    const byOther = await otherRepresentative.get(`/organizations/${ORG}/obligations`)
    expect(byOther.status).toBe(403)
    const refusal = textOf(await byOther.text())
    expect(refusal).toContain('Only staff and the representative or alternate')
    expect(refusal).not.toContain('Attendance:')
    expect((await board.get(`/organizations/${ORG}/obligations`)).status).toBe(403)
    const anonymous = await new Session(t.app).get(`/organizations/${ORG}/obligations`)
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent(`/organizations/${ORG}/obligations`)}`,
    )
    expect((await staff.get('/organizations/no-such-org/obligations')).status).toBe(404)
    const badYear = await representative.get(`/organizations/${ORG}/obligations?year=twenty`)
    expect(badYear.status).toBe(400)
    expect(textOf(await badYear.text())).toContain('“twenty” is not a year: write four digits, such as 2026.')
    const before = textOf(
      await (await representative.get(`/organizations/${ORG}/obligations?year=2001`)).text(),
    )
    expect(before).toContain('was not admitted on any day of 2001, so it had no obligations that year.')
  })

  it('lists every organisation for staff and the board, and refuses representatives', async () => {
    const engine = await network()
    for (const session of [staff, board]) {
      const res = await session.get('/staff/obligations')
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toContain('no-store')
      const html = await res.text()
      expect(tableNames(html)).toEqual(engine.map((c) => c.name))
      const text = textOf(html)
      expect(text).toContain(`Obligations across the network in ${YEAR}`)
      expect(text).toContain(`${engine.length} of ${engine.length} organisations`)
      const amp = engine.find((c) => c.organizationId === orgId) as OrganizationCompliance
      const a = amp.obligations.attendance
      expect(text).toContain(
        `${amp.name} Member community ${complianceStatusLabels[amp.obligations.status]} ${a.attended} of ${a.held} ${formatRate(attendanceRate(amp))} ${a.phrase}`,
      )
    }
    // Staff can open each organisation's page from the table; the board sees names only.
    expect(await (await staff.get('/staff/obligations')).text()).toContain(
      `href="/organizations/${ORG}/obligations?year=${YEAR}"`,
    )
    expect(await (await board.get('/staff/obligations')).text()).not.toContain(
      `/organizations/${ORG}/obligations`,
    )
    expect((await representative.get('/staff/obligations')).status).toBe(403)
    expect((await representative.get('/staff/obligations.csv')).status).toBe(403)
    expect((await new Session(t.app).get('/staff/obligations')).status).toBe(303)
  })

  it('filters by status and category, and sorts by the column asked for with aria-sort on it', async () => {
    const engine = await network()
    const notCompliant = engine.filter((c) => c.obligations.status === 'not_compliant')
    const filtered = await (await board.get(`/staff/obligations?year=${YEAR}&status=not_compliant`)).text()
    expect(tableNames(filtered)).toEqual(notCompliant.map((c) => c.name))
    expect(filtered).toContain('<option value="not_compliant" selected="">Not compliant</option>')
    expect(textOf(filtered)).toContain(`${notCompliant.length} of ${engine.length} organisations`)

    const bffs = engine.filter((c) => c.category === 'bff')
    expect(bffs.length).toBeGreaterThan(0)
    expect(tableNames(await (await staff.get('/staff/obligations?category=bff')).text())).toEqual(
      bffs.map((c) => c.name),
    )

    const byRate = await (await staff.get('/staff/obligations?sort=rate&dir=desc')).text()
    const rates = tableNames(byRate).map((name) => {
      const c = engine.find((e) => e.name === name) as OrganizationCompliance
      return attendanceRate(c) ?? -1
    })
    expect(rates).toEqual([...rates].sort((x, y) => y - x))
    expect(rates[0]).toBeGreaterThan(rates.at(-1) ?? 1)
    expect(byRate).toMatch(/<th scope="col" class="num" aria-sort="descending"><a href="[^"]*sort=rate"/)
    expect(byRate.match(/aria-sort=/g)).toHaveLength(1)

    const byStatus = tableNames(await (await staff.get('/staff/obligations?sort=status')).text())
    const order = ['compliant', 'on_track', 'at_risk', 'not_compliant']
    const statuses = byStatus.map((name) =>
      order.indexOf(engine.find((e) => e.name === name)?.obligations.status ?? ''),
    )
    expect(statuses).toEqual([...statuses].sort((x, y) => x - y))

    const nameHeader = await (await staff.get('/staff/obligations')).text()
    expect(nameHeader).toContain('aria-sort="ascending"><a href="/staff/obligations?year=2026&amp;dir=desc"')

    const bad = await staff.get('/staff/obligations?status=excellent')
    expect(bad.status).toBe(400)
    expect(textOf(await bad.text())).toContain(
      'The status filter takes compliant, on_track, at_risk or not_compliant.',
    )
    expect((await staff.get('/staff/obligations?sort=size')).status).toBe(400)
  })

  it('exports the filtered rows as CSV, one line an organisation, with formula-like names made harmless', async () => {
    await writeAs(database.db, 'system', (tx) =>
      tx
        .update(organizations)
        .set({ name: '=HYPERLINK("http://evil.example","x")' })
        .where(eq(organizations.slug, OTHER)),
    )
    try {
      const engine = await network()
      const res = await staff.get(`/staff/obligations.csv?year=${YEAR}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="obligations-${YEAR}.csv"`)
      const rows = parseCsv(await res.text())
      expect(rows[0]?.slice(0, 5)).toEqual([
        'Organisation',
        'Category',
        'Status',
        'Calls held',
        'Calls attended',
      ])
      expect(rows).toHaveLength(engine.length + 1)
      const names = rows.slice(1).map((r) => r[0])
      expect(names).toContain(`'=HYPERLINK("http://evil.example","x")`)
      expect(names.filter((n) => /^[=+\-@]/.test(n ?? ''))).toEqual([])
      const amp = engine.find((c) => c.organizationId === orgId) as OrganizationCompliance
      const ampLine = rows.find((r) => r[0] === amp.name) ?? []
      const a = amp.obligations.attendance
      expect(ampLine.slice(1, 9)).toEqual([
        'Member community',
        complianceStatusLabels[amp.obligations.status],
        String(a.held),
        String(a.attended),
        String(Math.round((a.attended / a.held) * 1000) / 10),
        String(a.remaining),
        String(a.needed),
        a.phrase,
      ])

      const filtered = await staff.get(`/staff/obligations.csv?year=${YEAR}&category=bff&sort=rate&dir=desc`)
      expect(filtered.headers.get('content-disposition')).toBe(
        `attachment; filename="obligations-${YEAR}-bff.csv"`,
      )
      const bffRows = parseCsv(await filtered.text()).slice(1)
      expect(bffRows).toHaveLength(engine.filter((c) => c.category === 'bff').length)
      expect(bffRows.every((r) => r[1] === 'BFF')).toBe(true)

      // The page shows the same name escaped, in the table and in the heat map.
      const page = await (await staff.get('/staff/obligations')).text()
      expect(page).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)')
    } finally {
      await writeAs(database.db, 'system', (tx) =>
        tx.update(organizations).set({ name: 'South Kansas' }).where(eq(organizations.slug, OTHER)),
      )
    }
  })

  it('escapes names that look like markup in the table, the heat map and its table', async () => {
    await writeAs(database.db, 'system', (tx) =>
      tx.update(organizations).set({ name: '<b>Bold</b> & "Co"' }).where(eq(organizations.slug, OTHER)),
    )
    try {
      const html = await (await staff.get('/staff/obligations')).text()
      expect(html).not.toContain('<b>Bold</b>')
      expect(html.split('&lt;b&gt;Bold&lt;/b&gt; &amp;').length - 1).toBeGreaterThanOrEqual(3)
    } finally {
      await writeAs(database.db, 'system', (tx) =>
        tx.update(organizations).set({ name: 'South Kansas' }).where(eq(organizations.slug, OTHER)),
      )
    }
  })

  it('draws the heat map and the monthly rate as named SVG images, with the same figures in tables', async () => {
    const engine = await network()
    const html = await (await board.get(`/staff/obligations?year=${YEAR}`)).text()
    const svgs = html.match(/<svg[^>]*class="obligations-chart[^"]*"[^>]*>/g) ?? []
    expect(svgs).toHaveLength(2)
    for (const svg of svgs) {
      expect(svg).toContain('role="img"')
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
      expect(svg).toMatch(/aria-label="[^"]{20,}"/)
    }
    expect(html).toMatch(/<svg[^>]*heat-map[^>]*><title>Heat map of attendance in 2026/)
    // The CSP allows no inline style: none is sent.
    expect(html).not.toMatch(/<style|\sstyle="/)

    // The heat map's table: one row an organisation, one column a held call; cells as the engine says.
    const heatTable = html.slice(html.indexOf('<table class="heat-table">'))
    const heatBody = heatTable.slice(heatTable.indexOf('<tbody>'), heatTable.indexOf('</tbody>'))
    const heatRows = heatBody.split('<tr>').slice(1)
    expect(heatRows).toHaveLength(engine.length)
    const amp = engine.find((c) => c.organizationId === orgId) as OrganizationCompliance
    const ampRow = heatRows.find((r) => r.includes(`<th scope="row">${amp.name}</th>`)) ?? ''
    expect((ampRow.match(/class="heat-attended"/g) ?? []).length).toBe(amp.obligations.attendance.attended)
    expect((ampRow.match(/class="heat-absent"/g) ?? []).length).toBe(
      amp.obligations.attendance.held - amp.obligations.attendance.attended,
    )
    const heldDates = new Set(
      engine.flatMap((c) => c.obligations.calls.filter((k) => k.isHeld).map((k) => k.localDate)),
    )
    const header = heatTable.slice(0, heatTable.indexOf('</thead>'))
    expect((header.match(/<time datetime=/g) ?? []).length).toBe(heldDates.size)

    // The monthly rates: (organisation, held call) pairs and those attended, per month.
    const november = engine.flatMap((c) =>
      c.obligations.calls.filter((k) => k.isHeld && k.localDate.startsWith('2026-11')),
    )
    const attended = november.filter((k) => k.isAttended).length
    const text = textOf(html)
    expect(text).toContain(
      `November 2026 ${november.length} ${attended} ${formatRate(attended / november.length)}`,
    )
    expect(text).toContain('Required share: 50%')
  })

  it('says there is nothing to draw for a year without calls', async () => {
    const res = await staff.get('/staff/obligations?year=2025')
    expect(res.status).toBe(200)
    const text = textOf(await res.text())
    expect(text).toContain('there is nothing to map')
    expect(text).toContain('there is no rate to draw')
  })
})
