/**
 * Obligations at scale (issue 6: the network view with 1,000 organisations and ten years of
 * weekly calls renders in under 200 ms): a fresh database gets 1,000 organisations admitted over
 * ten years (2017-2026), two seat holders each, ten years of weekly calls and attendance (about
 * 200,000 rows) and sharing records. Then it times:
 *   - the network view, /staff/obligations for 2026, through the real app as a signed-in staff
 *     member: the first request after a change (computing everything) and the following ones;
 *   - one year end to end: computeYearCompliance (six queries, then the engine), as the
 *     network page and `hub compliance` run it;
 *   - the engine alone: all ten years of all 1,000 organisations from records already loaded.
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
import { Session } from '../tests/support/http.ts'
import { signInAs } from '../tests/support/sign-in-as.ts'
import { createTestApp } from '../tests/support/test-app.ts'
import { FIRST_YEAR, LAST_YEAR, ORGANIZATIONS, seed, TODAY } from './compliance-seed.ts'

const GOAL_MS = 200
const RUNS = 5

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
  // The page, as staff see it.
  await database.db.execute(sql`insert into people (id, full_name, email)
    values (md5('staff')::uuid, 'Bench staff', 'staff@bench.example.org')`)
  await database.db.execute(sql`insert into staff_members (person_id, starts_on)
    values (md5('staff')::uuid, date '2017-01-01')`)
  const t2 = await createTestApp(database, { today: TODAY })
  const staff = new Session(t2.app)
  await signInAs(staff, database.db, t2.auth, { email: 'staff@bench.example.org' })
  const page = async () => {
    const start = performance.now()
    const response = await staff.get(`/staff/obligations?year=${LAST_YEAR}`)
    const body = await response.text()
    if (response.status !== 200) throw new Error(`/staff/obligations answered ${response.status}`)
    return { ms: performance.now() - start, bytes: body.length }
  }
  const firstPage: number[] = []
  const nextPage: number[] = []
  let pageBytes = 0
  for (let run = 0; run < RUNS; run++) {
    // A change anywhere (here: a setting written and put back) makes the next request compute afresh.
    await database.db.execute(sql`insert into settings (key, value) values ('minimumAttendanceMinutes', '10'::jsonb)
      on conflict (key) do update set value = excluded.value`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const first = await page()
    firstPage.push(first.ms)
    pageBytes = first.bytes
    nextPage.push((await page()).ms)
  }
  await t2.stop()
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
    networkViewFirstMedianMs: Math.round(median(firstPage)),
    networkViewNextMedianMs: Math.round(median(nextPage)),
    networkViewBytes: pageBytes,
    networkViewMeetsGoal: median(firstPage) < GOAL_MS,
    goalMs: GOAL_MS,
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
      `${r.engine}: ${r.organizations} organisations × ${r.years} years (${r.attendanceRows} attendance rows): network view ${r.networkViewFirstMedianMs} ms after a change, ${r.networkViewNextMedianMs} ms after that (${Math.round(r.networkViewBytes / 1024)} KB) — goal under ${r.goalMs} ms ${r.networkViewMeetsGoal ? 'met' : 'NOT met'}; one year computed (six queries + engine) ${r.oneYearEndToEndMedianMs} ms; the engine alone over all ten years ${r.tenYearsEngineMedianMs} ms (${r.organizationYears} organisation-years)\n`,
    )
