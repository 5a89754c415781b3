import { sql } from 'drizzle-orm'
import { parseHTML } from 'linkedom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { listMetrics } from '../../src/features/outcomes/index.ts'
import { formatAmount } from '../../src/lib/money.ts'
import { htmlText } from '../support/page-text.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'
import { buildReportNetwork, NETWORK_NAME, REPORT_TODAY, REPORT_YEAR } from './annual-report-network.ts'

describe(`the annual report's page on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let html = ''
  let text = ''

  beforeAll(async () => {
    database = await createTestDatabase({ today: REPORT_TODAY })
    await buildReportNetwork(database.db)
    t = await createTestApp(database, { today: REPORT_TODAY })
    const res = await t.app.request(`/impact/report/${REPORT_YEAR}`)
    expect(res.status).toBe(200)
    html = await res.text()
    text = htmlText(html)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  /** The rows of a table: each row's header cell and its data cells, as text. */
  const tableRows = (selector: string) => {
    const { document } = parseHTML(html)
    return [...document.querySelectorAll(`${selector} tbody tr`)].map((row) => ({
      name: row.querySelector('th')?.textContent?.trim() ?? '',
      cells: [...row.querySelectorAll('td')].map((cell) => htmlText(cell.innerHTML)),
    }))
  }

  it('opens with the network’s name and the year, under one heading', () => {
    const { document } = parseHTML(html)
    expect(document.querySelector('.report-network')?.textContent).toBe(NETWORK_NAME)
    expect(document.querySelectorAll('h1')).toHaveLength(1)
    expect(htmlText(document.querySelector('h1')?.innerHTML ?? '')).toBe(`Annual report ${REPORT_YEAR}`)
  })

  it('counts the organisations at the year’s end, the calls held, attendance, and public presentations and briefings', () => {
    expect(text).toContain('3 member communities at the end of 2026')
    expect(text).toContain('1 BFF (federal and national allies) at the end of 2026')
    expect(text).toContain('3 national calls held')
    // (2/3 + 2/2 + 0 + 0 + 0) / 5 organisations
    expect(text).toContain('33% average attendance at the national calls')
    expect(text).toContain('averaged over the organisations with at least one such call (5 in 2026)')
    // A members-only presentation and a members-only briefing are not counted: the page is public.
    expect(text).toContain('1 presentation given on the calls')
    expect(text).toContain('1 public briefing published')
  })

  it('shows network totals equal to a recount of verified figures whose report period ends in the year', async () => {
    const recount = await queryRows<{ metric: string; total: string; organizations: number }>(
      database.db,
      sql`select f.metric, sum(f.actual)::text as total, count(distinct r.organization_id)::int as organizations
        from outcome_figures f join outcome_reports r on r.id = f.report_id
        where r.status = 'verified' and f.actual is not null
          and r.period_end between ${`${REPORT_YEAR}-01-01`}::date and ${`${REPORT_YEAR}-12-31`}::date
        group by f.metric order by f.metric`,
    )
    const metrics = new Map((await listMetrics(database.db)).map((m) => [m.key, m]))
    const rows = tableRows('.report-outcomes')
    expect(recount.map((r) => r.metric)).toEqual([
      'jobs_created',
      'private_investment_cents',
      'workers_trained',
    ])
    for (const { metric, total, organizations } of recount) {
      const m = metrics.get(metric)
      const row = rows.find((r) => r.name === m?.name)
      expect(row?.cells[0], metric).toBe(formatAmount(Number(total), m?.unit ?? 'count'))
      expect(row?.cells[1], metric).toBe(String(organizations))
    }
    // The figures the network was built with, for a reader of this test.
    expect(rows.find((r) => r.name === 'Jobs created')?.cells).toEqual(['150', '2', '240', '150', '63%'])
    expect(rows.find((r) => r.name === 'Private investment leveraged')?.cells[0]).toBe('$1,734,567.89')
    // Metrics nobody reported and nobody set a goal for are left out.
    expect(rows.map((r) => r.name)).not.toContain('Jobs retained')
  })

  it('never counts a draft, submitted or returned report', () => {
    for (const figure of ['5,000', '5,150', '333', '6,000', '6,150']) expect(text).not.toContain(figure)
    // Gamma has reports, but none verified: it is named among the members without figures.
    const quiet = parseHTML(html).document.querySelector('.report-quiet-list')
    expect([...(quiet?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Gamma Plains Industry',
    ])
  })

  it('gives each community its verified figures and goals, the latest goal version only', () => {
    const sections = [...parseHTML(html).document.querySelectorAll('.report-community')]
    expect(sections.map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'Alpha Valley Makers',
      'Beta Coast Works',
      'Members without verified figures or goals for 2026',
    ])
    const alpha = htmlText(sections[0]?.innerHTML ?? '')
    expect(alpha).toContain('Jobs created 120 200 60%')
    expect(alpha).toContain('Private investment leveraged $1,234,567.89 $2,000,000 62%')
    const beta = htmlText(sections[1]?.innerHTML ?? '')
    expect(beta).toContain('Jobs created 30 40 75%')
    expect(sections[0]?.querySelector('h3 a')?.getAttribute('href')).toMatch(/^\/organizations\//)
  })

  it('answers 404 for a year outside 2000 to 2100 or not written as four digits', async () => {
    for (const year of ['1999', '2101', '26', '20260', 'year', '2026.5'])
      expect((await t.app.request(`/impact/report/${year}`)).status, year).toBe(404)
    expect((await t.app.request('/impact/report/2000')).status).toBe(200)
  })

  it('serves its print stylesheet, which the page links to, and no inline style', async () => {
    const href = /href="(\/assets\/annual-report\.css\?v=[0-9a-f]+)"/.exec(html)?.[1]
    expect(href).toBeDefined()
    const css = await t.app.request(href ?? '')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toContain('text/css')
    expect(css.headers.get('cache-control')).toContain('immutable')
    const body = await css.text()
    expect(body).toContain('@media print')
    expect(body).toContain('break-before: page')
    expect(html).not.toMatch(/<style|style="/)
  })
})
