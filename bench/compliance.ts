/**
 * Obligations at scale (issue 6: 1,000 organisations × 10 years in under 200 ms): a fresh
 * database gets 1,000 organisations admitted over ten years (2017-2026), two seat holders
 * each, ten years of weekly calls and attendance (about 300,000 rows), sharing records and
 * presentations. Then it times:
 *   - the engine alone: all ten years of all 1,000 organisations from records already loaded;
 *   - one year end to end: computeYearCompliance (six queries, then the engine), as the
 *     network page and `hub compliance` run it.
 *
 *   npm run bench:compliance [-- --json]
 *
 * PGlite by default; BENCH_DATABASE_URL runs it on an empty, throwaway PostgreSQL database
 * too. Goals are reported, not asserted.
 */
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { type Database, openDatabase } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { complianceFromRecords, computeYearCompliance } from '#src/features/obligations/compliance.ts'
import { loadYearRecords, type YearRecords } from '#src/features/obligations/records.ts'
import { defaultSettings } from '#src/features/settings/settings.ts'

const ORGANIZATIONS = 1000
const FIRST_YEAR = 2017
const LAST_YEAR = 2026
const TODAY = '2026-11-26'
const GOAL_MS = 200
const RUNS = 5

/** Everything in SQL with generate_series: one statement a table, deterministic (no random()). */
async function seed(database: Database): Promise<void> {
  const { db } = database
  await db.execute(sql`insert into organizations (id, slug, name, category)
    select md5('org' || n)::uuid, 'bench-org-' || n, 'Bench community ' || lpad(n::text, 4, '0'),
      case when n % 10 = 0 then 'bff' else 'member' end
    from generate_series(1, ${ORGANIZATIONS}) n`)
  // Admitted on a day spread over the ten years; one in twenty withdrawn a year later.
  await db.execute(sql`insert into admission_events (organization_id, kind, effective_on)
    select md5('org' || n)::uuid, 'admitted', date '2017-01-02' + (n * 3) % 3600 from generate_series(1, ${ORGANIZATIONS}) n`)
  await db.execute(sql`insert into admission_events (organization_id, kind, effective_on)
    select md5('org' || n)::uuid, 'withdrawn', date '2017-01-02' + (n * 3) % 3600 + 365
    from generate_series(1, ${ORGANIZATIONS}) n where n % 20 = 0`)
  await db.execute(sql`insert into people (id, full_name, email)
    select md5('person' || n)::uuid, 'Bench person ' || n, 'bench' || n || '@example.org'
    from generate_series(1, ${ORGANIZATIONS * 2}) n`)
  await db.execute(sql`insert into seats (organization_id, role, person_id, starts_on)
    select md5('org' || ((n + 1) / 2))::uuid, case when n % 2 = 1 then 'representative' else 'alternate' end,
      md5('person' || n)::uuid, date '2017-01-02' + (((n + 1) / 2) * 3) % 3600
    from generate_series(1, ${ORGANIZATIONS * 2}) n`)
  await db.execute(sql`insert into calls (id, local_date, start_time, time_zone, starts_at, duration_minutes, status,
      cancel_reason, is_series, series_date)
    select md5('call' || d)::uuid, d::date, '13:00', 'America/New_York', d + time '18:00', 30,
      case when extract(doy from d)::int % 97 = 3 then 'cancelled' else 'scheduled' end,
      case when extract(doy from d)::int % 97 = 3 then 'Holiday' end, true, d::date
    from generate_series(date '2017-01-02', date '2026-12-28', interval '7 days') d`)
  // The representative attends about two calls in three while the organisation is admitted.
  await db.execute(sql`insert into attendance (call_id, person_id, seconds, source)
    select c.id, s.person_id, 1200 + (abs(hashtext(c.id::text || s.person_id::text)) % 600), 'demo'
    from calls c join seats s on s.role = 'representative' and s.starts_on <= c.local_date
    where c.status <> 'cancelled' and c.local_date < ${TODAY}::date
      and abs(hashtext(c.id::text || s.person_id::text)) % 3 <> 0`)
  await db.execute(sql`insert into sharing_attestations (organization_id, shared_on, audience, channel)
    select e.organization_id, q, 'Regional partners', 'Email newsletter'
    from admission_events e, generate_series(date '2017-01-15', date '2026-10-15', interval '3 months') q
    where e.kind = 'admitted' and q >= e.effective_on and abs(hashtext(e.organization_id::text || q::text)) % 4 <> 0`)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

async function measure(database: Database) {
  await migrateDatabase(database)
  let t = performance.now()
  await seed(database)
  const seedMs = performance.now() - t
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i)
  const loaded: YearRecords[] = []
  for (const year of years) loaded.push(await loadYearRecords(database.db, { year }))
  const engine: number[] = []
  let organizationYears = 0
  for (let run = 0; run < RUNS; run++) {
    t = performance.now()
    organizationYears = 0
    for (const records of loaded)
      organizationYears += complianceFromRecords(records, { today: TODAY, settings: defaultSettings }).length
    engine.push(performance.now() - t)
  }
  const endToEnd: number[] = []
  let listed = 0
  for (let run = 0; run < RUNS; run++) {
    t = performance.now()
    listed = (await computeYearCompliance(database.db, { year: LAST_YEAR, today: TODAY })).length
    endToEnd.push(performance.now() - t)
  }
  const [{ n: attendanceRows } = { n: 0 }] = (
    (await database.db.execute(sql`select count(*)::int as n from attendance`)) as unknown as {
      rows: { n: number }[]
    }
  ).rows
  return {
    engine: database.kind,
    organizations: ORGANIZATIONS,
    years: years.length,
    attendanceRows,
    seedSeconds: Math.round(seedMs / 100) / 10,
    tenYearsEngineMedianMs: Math.round(median(engine)),
    organizationYears,
    oneYearEndToEndMedianMs: Math.round(median(endToEnd)),
    organizationsListedFor2026: listed,
    goalMs: GOAL_MS,
    engineMeetsGoal: median(engine) < GOAL_MS,
    endToEndMeetsGoal: median(endToEnd) < GOAL_MS,
  }
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
const results = []
const pglite = await openDatabase({ kind: 'pglite' })
try {
  results.push(await measure(pglite))
} finally {
  await pglite.close()
}
if (process.env.BENCH_DATABASE_URL) {
  const server = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL })
  try {
    results.push(await measure(server))
  } finally {
    await server.close()
  }
}
if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
else
  for (const r of results)
    process.stdout.write(
      `${r.engine}: ${r.organizations} organisations × ${r.years} years (${r.attendanceRows} attendance rows): engine over all ten years ${r.tenYearsEngineMedianMs} ms (${r.organizationYears} organisation-years) — goal under ${r.goalMs} ms ${r.engineMeetsGoal ? 'met' : 'NOT met'}; one year end to end (six queries + engine) ${r.oneYearEndToEndMedianMs} ms — ${r.endToEndMeetsGoal ? 'met' : 'NOT met'}\n`,
    )
