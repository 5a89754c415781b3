import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import {
  type FigureInput,
  listMetrics,
  type Metric,
  type OutcomesBy,
  returnReport,
  saveReportDraft,
  setGoals,
  submitReport,
  verifyReport,
  yearPeriod,
} from '../../src/features/outcomes/index.ts'
import { formatAmount } from '../../src/lib/money.ts'
import {
  createOrganization,
  createPerson,
  recordAdmission,
  type TestOrganization,
} from '../support/factories.ts'
import { htmlText } from '../support/page-text.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2026-06-30'

/** The verified totals per metric, recounted from the raw rows, for one year or all time. */
async function recount(db: TestDatabase['db'], year?: number) {
  const rows = await queryRows<{ metric: string; total: string; organizations: number }>(
    db,
    sql`select f.metric, sum(f.actual)::text as total, count(distinct r.organization_id)::int as organizations
      from outcome_figures f join outcome_reports r on r.id = f.report_id
      where r.status = 'verified' and f.actual is not null
        and (${year ?? null}::int is null or extract(year from r.period_end) = ${year ?? null}::int)
      group by f.metric order by f.metric`,
  )
  return rows.map((r) => ({ ...r, total: Number(r.total) }))
}

/** The text of the page between two headings. */
const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from)
  const end = text.indexOf(to, start + from.length)
  expect(start, `"${from}" on the page`).toBeGreaterThanOrEqual(0)
  return text.slice(start, end < 0 ? undefined : end)
}

describe(`the public impact page counts verified figures only (${testEngine})`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: OutcomesBy
  let metrics: Metric[]
  const orgs: Record<'coast' | 'valley' | 'former' | 'drafting' | 'agency', TestOrganization> = {} as never

  const figures = (values: Record<string, number>): FigureInput[] =>
    Object.entries(values).map(([metric, actual]) => ({ metric, actual, note: null }))

  /** A report through the workflow: saved, then submitted, returned or verified as asked. */
  async function report(
    org: TestOrganization,
    period: { start: string; end: string },
    values: Record<string, number>,
    status: 'draft' | 'submitted' | 'returned' | 'verified',
  ) {
    const draft = {
      organizationId: org.id,
      period: { ...period, kind: 'custom' as const },
      note: null,
      evidenceUrl: null,
    }
    const id = await saveReportDraft(database.db, { ...draft, figures: figures(values) }, staff)
    if (status === 'draft') return
    await submitReport(database.db, id, staff)
    if (status === 'returned')
      await returnReport(database.db, id, { comment: 'Check the jobs figure.', figureComments: {} }, staff)
    if (status === 'verified') await verifyReport(database.db, id, staff)
  }

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    const { db } = database
    const person = await createPerson(db, { role: 'staff', since: '2020-01-01' })
    staff = { personId: person.id, actor: `person:${person.id}`, isStaff: true }
    metrics = await listMetrics(db)
    orgs.coast = await createOrganization(db, {
      name: 'Coast Makers',
      states: ['CA'],
      admittedOn: '2020-01-06',
    })
    orgs.valley = await createOrganization(db, {
      name: 'Valley Works',
      states: ['OH'],
      admittedOn: '2020-01-06',
    })
    orgs.former = await createOrganization(db, {
      name: 'Former Forge',
      states: ['MI'],
      admittedOn: '2020-01-06',
    })
    await recordAdmission(db, orgs.former.id, 'withdrawn', '2025-01-06')
    orgs.drafting = await createOrganization(db, {
      name: 'Drafting Mills',
      states: ['PA'],
      admittedOn: '2020-01-06',
    })
    // A BFF (a federal office): its verified figures count, as an organisation's, never a community's.
    orgs.agency = await createOrganization(db, {
      name: 'Federal Partner Office',
      category: 'bff',
      states: ['DC'],
      admittedOn: '2020-01-06',
    })
    await writeAs(db, 'system', (tx) =>
      tx
        .update(organizations)
        .set({ counties: ['06037', '06059'] })
        .where(eq(organizations.id, orgs.coast.id)),
    )
    await report(
      orgs.coast,
      yearPeriod(2024),
      { jobs_created: 100, private_investment_cents: 123456 },
      'verified',
    )
    await report(orgs.coast, yearPeriod(2025), { jobs_created: 40, workers_trained: 7 }, 'verified')
    await report(orgs.valley, yearPeriod(2025), { jobs_created: 5, private_investment_cents: 1 }, 'verified')
    await report(orgs.former, yearPeriod(2023), { jobs_created: 1000 }, 'verified')
    await report(orgs.agency, yearPeriod(2024), { businesses_assisted: 38 }, 'verified')
    // Never counted: a draft, a submitted and a returned report, and a later draft that must not move the year.
    await report(orgs.drafting, yearPeriod(2025), { jobs_created: 90001 }, 'draft')
    await report(orgs.drafting, yearPeriod(2024), { jobs_created: 80001 }, 'submitted')
    await report(orgs.drafting, yearPeriod(2023), { jobs_created: 70001 }, 'returned')
    await report(orgs.coast, { start: '2026-01-01', end: '2026-03-31' }, { jobs_created: 50001 }, 'submitted')
    await setGoals(
      db,
      { organizationId: orgs.coast.id, period: yearPeriod(2025), targets: { jobs_created: 80 } },
      staff,
    )
    // Goals with no verified figure from the organisation that set them: Valley Works trained nobody
    // on record and assisted no business on record, while Coast Makers trained 7 and the BFF assisted 38.
    await setGoals(
      db,
      {
        organizationId: orgs.valley.id,
        period: yearPeriod(2025),
        targets: { workers_trained: 150, businesses_assisted: 20 },
      },
      staff,
    )
    t = await createTestApp(database, { today: TODAY })
  }, 120_000)
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  const impactText = async (query = '') => {
    const res = await t.app.request(`/impact${query}`)
    expect(res.status).toBe(200)
    // Long amounts may wrap after their commas (<wbr>), which a reader does not see.
    return htmlText((await res.text()).replaceAll('<wbr/>', ''))
  }

  it('shows the latest verified year and all time, each total equal to a recount of the raw rows', async () => {
    const [latest] = await queryRows<{ year: number }>(
      database.db,
      sql`select max(extract(year from period_end))::int as year from outcome_reports where status = 'verified'`,
    )
    expect(latest?.year).toBe(2025)
    const text = await impactText()
    const sections = {
      2025: between(text, 'In 2025', 'All time'),
      all: between(text, 'All time', 'Over the years'),
    }
    for (const [key, counted] of [
      ['2025', await recount(database.db, 2025)],
      ['all', await recount(database.db)],
    ] as const) {
      const section = sections[key]
      expect(counted.length).toBeGreaterThan(0)
      for (const row of counted) {
        const metric = metrics.find((m) => m.key === row.metric)
        if (!metric) throw new Error(`no metric ${row.metric}`)
        const organisations = `${row.organizations} ${row.organizations === 1 ? 'organisation' : 'organisations'}`
        expect(section).toContain(
          `${formatAmount(row.total, metric.unit)} ${metric.name.toLowerCase()} from ${organisations}`,
        )
      }
    }
    // 2025 jobs: 40 + 5; the goal was set by Coast Makers alone: 40 of 80.
    expect(sections[2025]).toContain(
      '45 jobs created from 2 organisations 50% of the goal of the 1 organisation that set one and reported: 40 of 80',
    )
    // All time: 100 + 40 + 5 + 1000 (the withdrawn community's verified figures still count), and the cents kept.
    expect(sections.all).toContain('1,145 jobs created from 3 organisations')
    expect(sections.all).toContain('$1,234.57 private investment leveraged from 2 organisations')
  })

  /** What one metric's card says in a totals section, as a reader sees it. */
  const card = (html: string, section: string, metric: string) => {
    const from = html.indexOf(`aria-labelledby="${section}"`)
    const start = html.indexOf(`data-metric="${metric}"`, from)
    expect(start, `${metric} in ${section}`).toBeGreaterThan(from)
    return htmlText(html.slice(html.lastIndexOf('<li', start), html.indexOf('</li>', start)))
  }

  it('shows a dash, never a 0, for a metric with a goal and no verified figure, in every period', async () => {
    const html = (await (await t.app.request('/impact')).text()).replaceAll('<wbr/>', '')
    // In 2025 only Valley Works, which reported none, set a goal for businesses assisted.
    expect(card(html, 'latest-heading', 'businesses_assisted')).toBe(
      '– none businesses assisted no verified figure yet goal set: 20',
    )
    for (const section of ['latest-heading', 'all-time-heading']) {
      for (const metric of metrics) {
        if (!html.includes(`data-metric="${metric.key}"`)) continue
        const from = html.indexOf(`aria-labelledby="${section}"`)
        if (html.indexOf(`data-metric="${metric.key}"`, from) < 0) continue
        const text = card(html, section, metric.key)
        if (text.includes('no verified figure yet')) expect(text).toMatch(/^– none /)
        expect(text).not.toMatch(/^0 /)
      }
    }
  })

  it("measures a goal share only over the organisations that set a goal and reported, never against another's figure", async () => {
    const html = (await (await t.app.request('/impact')).text()).replaceAll('<wbr/>', '')
    // Coast Makers trained 7 and set no goal; Valley Works set a goal of 150 and reported none.
    expect(card(html, 'latest-heading', 'workers_trained')).toBe('7 workers trained from 1 organisation')
    expect(card(html, 'all-time-heading', 'workers_trained')).toBe('7 workers trained from 1 organisation')
    // The BFF assisted 38 businesses and set no goal; Valley Works' goal of 20 is not measured against them.
    expect(card(html, 'all-time-heading', 'businesses_assisted')).toBe(
      '38 businesses assisted from 1 organisation',
    )
    expect(htmlText(html)).not.toMatch(/(^| )0% of/)
    // All time, Coast Makers' 140 jobs (2024 and 2025) are not measured against its goal for 2025 alone.
    expect(card(html, 'all-time-heading', 'jobs_created')).toBe('1,145 jobs created from 3 organisations')
  })

  it('speaks of organisations, not communities, where a BFF is counted and listed', async () => {
    const text = await impactText()
    expect(text).toContain('The organisations')
    expect(between(text, 'The organisations', 'Hub')).toContain('Federal Partner Office')
    expect(text).not.toMatch(/from \d[\d,]* communit/)
    expect(text).not.toContain('The communities')
  })

  it('never counts a draft, submitted or returned report anywhere on the page', async () => {
    const text = await impactText()
    for (const figure of ['90,001', '80,001', '70,001', '50,001']) expect(text).not.toContain(figure)
    expect(text).not.toContain('Drafting Mills')
    expect(text).not.toContain('In 2026')
  })

  it('charts each metric over the years with a table, and lists each community linked to its profile when admitted', async () => {
    const res = await t.app.request('/impact')
    const html = await res.text()
    expect(html).toContain(
      'aria-label="Jobs created, verified network total by year: 2023: 1,000; 2024: 100; 2025: 45."',
    )
    expect(html).toContain('xmlns="http://www.w3.org/2000/svg"')
    const text = between(await impactText(), 'Jobs created by year as a table', 'Workers trained')
    expect(text).toContain('2023 1,000 2024 100 2025 45')
    expect(html).toContain(`<a href="/organizations/${orgs.coast.slug}">Coast Makers</a>`)
    expect(html).not.toContain(`href="/organizations/${orgs.former.slug}"`)
    expect(await impactText()).toContain('Former Forge No longer admitted')
  })

  it('totals each designation program, focus industry and state from the same verified figures', async () => {
    const text = await impactText()
    const byState = between(text, 'By state', 'The organisations')
    // Coast (CA): 100 + 40 jobs; Valley (OH): 5; Former Forge (MI): 1,000; never Drafting Mills (PA).
    expect(byState).toContain('California : 140 jobs created')
    expect(byState).toContain('Ohio : 5 jobs created')
    expect(byState).toContain('Michigan : 1,000 jobs created')
    expect(byState).not.toContain('Pennsylvania')
    expect(between(text, 'By focus industry', 'By state')).toContain(
      'Advanced manufacturing : 1,145 jobs created',
    )
  })

  it('shades the map by the chosen metric, each community over its counties or whole states', async () => {
    const html = await (await t.app.request('/impact?metric=private_investment_cents')).text()
    expect(html).toContain('<option value="private_investment_cents" selected="">')
    expect(html).toContain(`data-slug="${orgs.coast.slug}"`)
    expect(html).toContain('Coast Makers: $1,234.56 private investment leveraged')
    expect(html).toMatch(/data-fips="06037"/)
    expect(html).not.toMatch(/data-fips="06001"/)
    expect(html).toContain('Valley Works: $0.01 private investment leveraged')
    expect(html).not.toContain(`data-slug="${orgs.former.slug}"`)
    // A key that is no metric gets the first one that can be mapped.
    const fallback = await (await t.app.request('/impact?metric=nonsense')).text()
    expect(fallback).toContain('<option value="jobs_created" selected="">')
  })

  it('is cached for visitors and counts a report the moment it is verified', async () => {
    const first = await t.app.request('/impact')
    await first.text()
    const again = await t.app.request('/impact')
    expect(again.headers.get('x-cache')).toBe('hit')
    await report(orgs.valley, yearPeriod(2026), { jobs_created: 3 }, 'verified')
    const text = await impactText()
    expect(text).toContain('In 2026')
    expect(between(text, 'In 2026', 'All time')).toContain('3 jobs created from 1 organisation')
    expect(between(text, 'All time', 'Over the years')).toContain('1,148 jobs created from 3 organisations')
  })
})
