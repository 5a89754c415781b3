import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { commitOutcomeImport, startOutcomeImport } from '../../src/features/outcome-import/index.ts'
import { rollupOutcomes, saveReportDraft, yearPeriod } from '../../src/features/outcomes/index.ts'
import { buildXlsx } from '../../src/lib/spreadsheet/xlsx.test-support.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const PAGE = '/staff/outcomes/import'

/** One row per organisation and metric; money to the cent, names as people write them. */
const LONG = [
  'Organization,Metric,Value,Note',
  'Gulf Coast Makers,Jobs created,"4,347",first two years',
  'gulf-coast-makers,jobs_retained,1953,',
  'GULF COAST MAKERS,Private investment leveraged,"$1,234.56",',
  'Prairie Works,Public funding won,0.07,',
  'prairie works,Workers trained,12,',
].join('\n')

/** One column per metric. */
const WIDE = [
  'organisation,Jobs created,Jobs Retained,Public funding won,Public funding won note',
  'GCM,10,,"$90,071,992,547,409.91",the largest amount the Hub adds exactly',
  'Prairie Works,5,6,100.10,',
].join('\n')

const BAD = [
  'organization,metric,value',
  'Gulf Coast Makers,Jobs created,12',
  'Gulf Coast Maker,Jobs created,12',
  'Prairie Works,Jobs created,12.5',
  'Prairie Works,Private investment leveraged,$1.005',
  'Prairie Works,Jobs creatd,3',
  'Gulf Coast Makers,Jobs created,13',
  'Nowhere Works,Jobs created,x',
].join('\n')

describe(`importing a year's outcome figures on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let staffPerson: TestPerson
  let gulf: TestOrganization
  let prairie: TestOrganization
  let other: TestOrganization

  const reports = (importId?: string) =>
    queryRows<{
      org: string
      status: string
      source: string
      verified_by: string
      metric: string
      actual: string
    }>(
      database.db,
      sql`select o.slug as org, r.status, r.source, r.verified_by, f.metric, f.actual::text as actual
        from outcome_reports r join organizations o on o.id = r.organization_id
        join outcome_figures f on f.report_id = r.id
        where ${importId ? sql`r.import_id = ${importId}::uuid` : sql`r.import_id is not null`}
        order by o.slug, f.metric`,
    )
  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1

  function upload(name: string, bytes: Uint8Array | string, year = '2016', session = staff) {
    const form = new FormData()
    form.set('_csrf', TEST_CSRF)
    form.set('year', year)
    form.set(
      'sheet',
      new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)], name),
    )
    return t.app.request(PAGE, {
      method: 'POST',
      body: form,
      headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
    })
  }
  async function uploadToPreview(name: string, bytes: Uint8Array | string, year = '2016') {
    const res = await upload(name, bytes, year)
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location).toMatch(/^\/staff\/outcomes\/import\/[0-9a-f-]{36}$/)
    return { location, id: location.slice(PAGE.length + 1) }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    gulf = await createOrganization(database.db, { name: 'Gulf Coast Makers', slug: 'gulf-coast-makers' })
    prairie = await createOrganization(database.db, { name: 'Prairie Works', slug: 'prairie-works' })
    other = await createOrganization(database.db, { name: 'Harbor Foundry', slug: 'harbor-foundry' })
    await writeAs(database.db, 'system', (tx) =>
      tx.update(organizations).set({ shortName: 'GCM' }).where(eq(organizations.id, gulf.id)),
    )
    staffPerson = await createPerson(database.db, { role: 'staff', fullName: 'Avery Keeper' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: staffPerson.email })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('lists every bad row with what was expected, and imports nothing', async () => {
    const { location } = await uploadToPreview('bad.csv', BAD)
    const text = await pageText(await staff.get(location))
    expect(text).toContain('7 rows read')
    expect(text).toContain(
      '3 No organization is called "Gulf Coast Maker"; did you mean "Gulf Coast Makers"?',
    )
    expect(text).toContain(
      '4 Jobs created "12.5" is not right: expected a whole number such as 4347 or 4,347.',
    )
    expect(text).toContain('5 Private investment leveraged "$1.005" is not right: expected a dollar amount')
    expect(text).toContain('6 "Jobs creatd" is not a metric: expected one of Jobs created, Jobs retained')
    expect(text).toContain('7 Jobs created of Gulf Coast Makers is given again: row 2 gives it first.')
    expect(text).toContain('8 No organization is called "Nowhere Works".')
    expect(text).toContain('8 Jobs created "x" is not right')
    expect(text).not.toContain('Commit')

    const json = await staff.get(location, { Accept: 'application/json' })
    const doc = await json.json()
    expect(doc).toMatchObject({ status: 'preview', year: 2016, rows: 7 })
    expect(doc.problems.map((p: { row: number }) => p.row)).toEqual([3, 4, 5, 6, 7, 8, 8])

    const commit = await staff.post(`${location}/commit`, {})
    expect(commit.status).toBe(409)
    expect(await pageText(commit)).toContain(
      '6 rows have problems (rows 3, 4, 5, 6, 7, 8): correct the file and upload it again. Nothing was written.',
    )
    const one = await uploadToPreview(
      'one-bad.csv',
      'organization,metric,value\nPrairie Works,Jobs created,x\n',
    )
    const refused = await staff.post(`${one.location}/commit`, {}, { Accept: 'application/json' })
    expect(refused.status).toBe(409)
    expect((await refused.json()).error).toBe(
      'Row 2 has a problem: correct the file and upload it again. Nothing was written.',
    )
    expect(await count(sql`select count(*)::int as n from outcome_reports`)).toBe(0)
  })

  it('commits one verified report per organisation, money exact to the cent, once', async () => {
    const { location, id } = await uploadToPreview('outcomes-2016.csv', LONG)
    const preview = await pageText(await staff.get(location))
    expect(preview).toContain('one row per organization and metric')
    expect(preview).toContain('2 verified reports to write')
    expect(preview).toContain(
      'Gulf Coast Makers 2, 3, 4 4,347 (first two years) 1,953 $1,234.56 Prairie Works 5, 6 12 $0.07',
    )
    expect(await count(sql`select count(*)::int as n from outcome_reports`)).toBe(0)

    expect((await staff.post(`${location}/commit`, {})).status).toBe(303)
    expect(await reports(id)).toEqual([
      ...[
        ['jobs_created', '4347'],
        ['jobs_retained', '1953'],
        ['private_investment_cents', '123456'],
      ].map(([metric, actual]) => ({
        org: 'gulf-coast-makers',
        status: 'verified',
        source: 'Imported from outcomes-2016.csv',
        verified_by: staffPerson.id,
        metric,
        actual,
      })),
      ...[
        ['public_funding_cents', '7'],
        ['workers_trained', '12'],
      ].map(([metric, actual]) => expect.objectContaining({ org: 'prairie-works', metric, actual })),
    ])
    const [event] = await queryRows<{ action: string; person_id: string; figures: unknown }>(
      database.db,
      sql`select e.action, e.person_id, e.figures from outcome_report_events e
        join outcome_reports r on r.id = e.report_id where r.organization_id = ${gulf.id}::uuid`,
    )
    expect(event).toMatchObject({ action: 'verified', person_id: staffPerson.id })
    expect(event?.figures).toContainEqual({ metric: 'jobs_created', actual: 4347, note: 'first two years' })
    const rollup = await rollupOutcomes(database.db, {
      from: '2016-01-01',
      to: '2016-12-31',
      onDate: '2016-12-31',
    })
    const total = (key: string) => rollup.metrics.find((m) => m.key === key)?.total
    expect([total('private_investment_cents'), total('public_funding_cents'), total('jobs_created')]).toEqual(
      [123456, 7, 4347],
    )
    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where table_name = 'outcome_reports' and actor = ${`person:${staffPerson.id}`}`,
    )
    expect(audit?.n).toBe(2)

    // The same file again, under another name: said to be imported already; a second commit is refused.
    const again = await upload('copy.csv', LONG)
    expect(again.headers.get('location')).toBe(`${PAGE}/${id}?notice=already`)
    expect(await pageText(await staff.get(again.headers.get('location') ?? ''))).toMatch(
      /This file was already imported on .+ by Avery Keeper/,
    )
    const twice = await staff.post(`${location}/commit`, {})
    expect(twice.status).toBe(409)
    expect(await pageText(twice)).toContain('already imported')
    expect(await count(sql`select count(*)::int as n from outcome_reports`)).toBe(2)

    // Undo removes exactly this import's reports.
    expect((await staff.post(`${location}/undo`, {})).status).toBe(303)
    expect(await reports(id)).toEqual([])
    expect(await count(sql`select count(*)::int as n from outcome_reports`)).toBe(0)
    const list = await pageText(await staff.get(PAGE))
    expect(list).toContain('outcomes-2016.csv')
    expect(list).toContain('Undone')
  })

  it('reads one column per metric from an Excel workbook, up to the largest exact amount', async () => {
    const bytes = buildXlsx([
      ['Organization', 'Jobs created', 'Workers trained', 'private_investment_cents'],
      ['Harbor Foundry', 42, '', 1234.5],
      ['GCM', '1,000', 7, '$0.99'],
    ])
    const { location, id } = await uploadToPreview('figures.xlsx', bytes, '2017')
    expect(await pageText(await staff.get(location))).toContain('one column per metric')
    expect((await staff.post(`${location}/commit`, {})).status).toBe(303)
    expect((await reports(id)).map((r) => [r.org, r.metric, r.actual])).toEqual([
      ['gulf-coast-makers', 'jobs_created', '1000'],
      ['gulf-coast-makers', 'private_investment_cents', '99'],
      ['gulf-coast-makers', 'workers_trained', '7'],
      ['harbor-foundry', 'jobs_created', '42'],
      ['harbor-foundry', 'private_investment_cents', '123450'],
    ])

    const wide = await uploadToPreview('wide.csv', WIDE, '2018')
    expect((await staff.post(`${wide.location}/commit`, {})).status).toBe(303)
    const written = await reports(wide.id)
    expect(
      written.find((r) => r.metric === 'public_funding_cents' && r.org === 'gulf-coast-makers')?.actual,
    ).toBe(String(Number.MAX_SAFE_INTEGER))
    expect(
      written.find((r) => r.metric === 'public_funding_cents' && r.org === 'prairie-works')?.actual,
    ).toBe('10010')
  })

  it('refuses an organisation that already has a report for the year, naming the row', async () => {
    const by = { personId: staffPerson.id, actor: `person:${staffPerson.id}` as const, isStaff: true }
    await saveReportDraft(
      database.db,
      { organizationId: other.id, period: yearPeriod(2019), note: null, evidenceUrl: null, figures: [] },
      by,
    )
    const csv = 'organization,Jobs created\nPrairie Works,3\nharbor foundry,4\n'
    const { location } = await uploadToPreview('2019.csv', csv, '2019')
    const text = await pageText(await staff.get(location))
    expect(text).toContain(
      '3 Harbor Foundry already has a report for 2019 (a draft): an import never writes over a report.',
    )
    expect((await staff.post(`${location}/commit`, {})).status).toBe(409)
    expect(
      await count(sql`select count(*)::int as n from outcome_reports where period_start = '2019-01-01'`),
    ).toBe(1)
  })

  it('commits a file once when two commits race', async () => {
    const by = { personId: staffPerson.id, actor: `person:${staffPerson.id}` as const }
    const started = await startOutcomeImport(database.db, {
      fileName: 'race.csv',
      bytes: new TextEncoder().encode('organization,Jobs created\nPrairie Works,1\n'),
      period: yearPeriod(2021),
      via: 'web',
      by,
    })
    expect(started.plan.reports).toHaveLength(1)
    const commit = () =>
      commitOutcomeImport(database.db, { importId: started.importId, by, timeZone: 'America/New_York' })
    const results = await Promise.allSettled([commit(), commit()])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason.userMessage).toMatch(/^This file was already imported on .+ by Avery Keeper/)
    expect(
      await count(sql`select count(*)::int as n from outcome_reports where period_start = '2021-01-01'`),
    ).toBe(1)
  })

  it('refuses a file it cannot read and a year out of range, storing nothing', async () => {
    const before = await count(sql`select count(*)::int as n from outcome_imports`)
    const headerless = await upload('notes.csv', 'hello,world\n1,2\n')
    expect(headerless.status).toBe(400)
    expect(await pageText(headerless)).toContain('Row 1 should be a header row naming an organization column')
    const unknown = await upload('typo.csv', 'organization,Jobs creatd\nPrairie Works,3\n')
    expect(await pageText(unknown)).toContain('Column 2 of row 1, "Jobs creatd", is not a metric')
    const future = await upload('later.csv', LONG, '2099')
    expect(future.status).toBe(400)
    expect(await pageText(future)).toContain('Choose the year of the figures: 2000 to')
    expect(await count(sql`select count(*)::int as n from outcome_imports`)).toBe(before)
  })

  it('is for staff only, and refuses a form from another site', async () => {
    const holder = await seatHolder(database.db, prairie, 'representative')
    const member = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: holder.email })
    expect((await member.get(PAGE)).status).toBe(403)
    expect((await upload('x.csv', LONG, '2020', member)).status).toBe(403)
    expect((await new Session(t.app).get(PAGE)).status).toBe(303)

    const form = new FormData()
    form.set('_csrf', TEST_CSRF)
    form.set('year', '2020')
    form.set('sheet', new File([LONG], 'x.csv'))
    const crossSite = await t.app.request(PAGE, {
      method: 'POST',
      body: form,
      headers: { Origin: 'https://evil.example', Cookie: staff.cookieHeader },
    })
    expect(crossSite.status).toBe(403)
    const noToken = new FormData()
    noToken.set('year', '2020')
    noToken.set('sheet', new File([LONG], 'x.csv'))
    const tokenless = await t.app.request(PAGE, {
      method: 'POST',
      body: noToken,
      headers: { Origin: TEST_ORIGIN, Cookie: staff.cookieHeader },
    })
    expect(tokenless.status).toBe(403)
    expect(
      await count(sql`select count(*)::int as n from outcome_imports where period_start = '2020-01-01'`),
    ).toBe(0)
  })
})
