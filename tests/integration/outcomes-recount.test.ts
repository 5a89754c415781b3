import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { printOutcomes } from '../../src/cli/outcomes.ts'
import { queryRows } from '../../src/db/sql.ts'
import {
  correctReport,
  type OutcomesBy,
  returnReport,
  rollupOutcomes,
  saveReportDraft,
  setGoals,
  submitReport,
  verifyReport,
  yearPeriod,
} from '../../src/features/outcomes/index.ts'
import { createOrganization } from '../support/factories.ts'
import { DEMO_TODAY, testClock } from '../support/fixtures.ts'
import { pageText } from '../support/page-text.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const staff: OutcomesBy = { personId: null, actor: 'system', isStaff: true }
const JOBS = 'jobs_created'
const PRIVATE = 'private_investment_cents'

/** Every total a page or command shows must equal this count, straight from the raw rows. */
async function recount(database: TestDatabase, from: string, to: string) {
  const rows = await queryRows<{ metric: string; total: string }>(
    database.db,
    sql`select f.metric, sum(f.actual)::text as total from outcome_figures f
      join outcome_reports r on r.id = f.report_id
      where r.status = 'verified' and r.period_end between ${from}::date and ${to}::date
      group by f.metric`,
  )
  return Object.fromEntries(rows.map((row) => [row.metric, Number(row.total)]))
}

async function report(
  database: TestDatabase,
  organizationId: string,
  year: number,
  figures: Record<string, number>,
  end: 'draft' | 'submitted' | 'returned' | 'verified',
) {
  const id = await saveReportDraft(
    database.db,
    {
      organizationId,
      period: yearPeriod(year),
      note: null,
      evidenceUrl: null,
      figures: Object.entries(figures).map(([metric, actual]) => ({ metric, actual, note: null })),
    },
    staff,
  )
  if (end === 'draft') return id
  await submitReport(database.db, id, staff)
  if (end === 'returned')
    await returnReport(database.db, id, { comment: null, figureComments: { [JOBS]: 'Check this.' } }, staff)
  if (end === 'verified') await verifyReport(database.db, id, staff)
  return id
}

describe(`outcome totals equal a recount of verified figures, on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const [a, b, c, d, e] = await Promise.all(
      ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((name, i) =>
        createOrganization(database.db, { name: `${name} Works`, states: [i % 2 ? 'CA' : 'OH'] }),
      ),
    )
    if (!a || !b || !c || !d || !e) throw new Error('organisations not created')
    await report(database, a.id, 2025, { [JOBS]: 100, [PRIVATE]: 123_456 }, 'verified')
    await report(database, a.id, 2024, { [JOBS]: 50 }, 'verified')
    const corrected = await report(database, b.id, 2025, { [JOBS]: 7, [PRIVATE]: 1 }, 'verified')
    await correctReport(
      database.db,
      corrected,
      {
        figures: [
          { metric: JOBS, actual: 8, note: null },
          { metric: PRIVATE, actual: 1, note: null },
        ],
        reason: 'A typo.',
      },
      staff,
    )
    await report(database, c.id, 2025, { [JOBS]: 1000 }, 'submitted')
    await report(database, d.id, 2025, { [JOBS]: 2000 }, 'returned')
    await report(database, e.id, 2025, { [JOBS]: 4000 }, 'draft')
    await setGoals(
      database.db,
      { organizationId: a.id, period: yearPeriod(2025), targets: { [JOBS]: 90 } },
      staff,
    )
    await setGoals(
      database.db,
      { organizationId: a.id, period: yearPeriod(2025), targets: { [JOBS]: 120 } },
      staff,
    )
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('counts verified figures only, a correction replacing the earlier figure, to the cent', async () => {
    const expected = await recount(database, '2025-01-01', '2025-12-31')
    expect(expected).toEqual({ [JOBS]: 108, [PRIVATE]: 123_457 })
    const rollup = await rollupOutcomes(database.db, {
      from: '2025-01-01',
      to: '2025-12-31',
      onDate: DEMO_TODAY,
    })
    const totals = Object.fromEntries(
      rollup.metrics.filter((m) => m.organizations > 0).map((m) => [m.key, m.total]),
    )
    expect(totals).toEqual(expected)
    const jobs = rollup.metrics.find((m) => m.key === JOBS)
    expect(jobs).toMatchObject({ goal: 120, towardGoal: 100, organizations: 2 })
    expect(rollup.byState.find((s) => s.group === 'OH')?.metrics.find((m) => m.key === JOBS)?.total).toBe(100)
  })

  it('prints the same totals from hub outcomes --json, cents as whole numbers', async () => {
    let printed = ''
    const out = new Writable({
      write(chunk, _encoding, done) {
        printed += String(chunk)
        done()
      },
    })
    await printOutcomes(database, { from: '2024-01-01', to: '2025-12-31', json: true }, out, testClock())
    const json = JSON.parse(printed) as {
      period: unknown
      metrics: { key: string; unit: string; total: number }[]
    }
    expect(json.period).toEqual({ from: '2024-01-01', to: '2025-12-31' })
    const expected = await recount(database, '2024-01-01', '2025-12-31')
    for (const [key, total] of Object.entries(expected)) {
      expect(json.metrics.find((m) => m.key === key)?.total).toBe(total)
    }
    expect(json.metrics.find((m) => m.key === PRIVATE)).toMatchObject({ unit: 'usd', total: 123_457 })
  })

  it('shows the all-time totals on the home page', async () => {
    const all = await recount(database, '2000-01-01', '2100-12-31')
    expect(all[JOBS]).toBe(158)
    const home = await pageText(await t.app.request('/'))
    expect(home).toContain('158 jobs created')
    expect(home).toContain('$1,234.57 private investment leveraged')
  })

  it('keeps the figure of a metric retired after it was written when the report is corrected', async () => {
    const org = await createOrganization(database.db, { name: 'Foxtrot Works' })
    const id = await report(database, org.id, 2023, { [JOBS]: 5, businesses_assisted: 12 }, 'verified')
    await database.db.execute(
      sql`update outcome_metrics set retired_at = hub_now() where key = 'businesses_assisted'`,
    )
    try {
      await correctReport(
        database.db,
        id,
        { figures: [{ metric: JOBS, actual: 6, note: null }], reason: 'Recounted.' },
        staff,
      )
      const kept = await queryRows<{ metric: string; actual: string }>(
        database.db,
        sql`select metric, actual::text from outcome_figures where report_id = ${id}::uuid order by metric`,
      )
      expect(kept).toEqual([
        { metric: 'businesses_assisted', actual: '12' },
        { metric: JOBS, actual: '6' },
      ])
    } finally {
      await database.db.execute(
        sql`update outcome_metrics set retired_at = null where key = 'businesses_assisted'`,
      )
    }
  })
})
