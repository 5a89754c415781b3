/**
 * How long a 2,000-row attendance report takes to import (issue 5: under a second):
 * parse, match, store the preview with its source file, then commit, on a fresh PGlite
 * database holding the demo network (and on PostgreSQL when BENCH_DATABASE_URL is set
 * to an empty, throwaway database).
 *
 *   npm run bench:attendance
 *   npm run bench:attendance -- --json
 *
 * The goal is reported, not asserted; the exit code is non-zero only when an import failed.
 */
import { parseArgs } from 'node:util'
import { type Database, openDatabase } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { commitImport, dryRunImport, findCallByDate, startImport } from '#src/features/attendance/imports.ts'
import { loadDemo } from '#src/features/demo/load-demo.ts'
import { type ReportPerson, zoomReport } from '../tests/support/attendance-reports.ts'

const ROWS = 2000
const RUNS = 5
const GOAL_MS = 1000
const TODAY = '2026-11-26'
const CALL = '2026-11-23'

/** 2,000 rows: every seat holder of the day (some twice, as a rejoin), the rest strangers. */
function report(seatHolders: { fullName: string; email: string }[], salt: number): Buffer {
  const rows: ReportPerson[] = []
  for (let i = 0; rows.length < ROWS; i++) {
    const holder = seatHolders[i]
    if (holder && i < seatHolders.length)
      rows.push({ name: holder.fullName, email: holder.email, minutes: 20, joinMinute: (i % 5) + salt })
    else
      rows.push({
        name: `Participant ${salt}-${i}`,
        email: `p${salt}-${i}@elsewhere.example.com`,
        minutes: 5 + (i % 25),
      })
  }
  return zoomReport(CALL, rows)
}

async function measure(database: Database) {
  await migrateDatabase(database)
  await loadDemo(database.db, { isProduction: false, today: TODAY })
  const call = await findCallByDate(database.db, CALL)
  if (!call) throw new Error(`no call on ${CALL}`)
  const seatHolders = (await database.db.execute(
    `select distinct p.full_name as "fullName", p.email from seats s join people p on p.id = s.person_id
      where s.starts_on <= '${CALL}' and (s.ends_on is null or s.ends_on > '${CALL}')`,
  )) as unknown as { rows: { fullName: string; email: string }[] }
  const by = { personId: null, actor: 'cli' as const }
  const dryRun: number[] = []
  const full: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const bytes = report(seatHolders.rows, run)
    let t = performance.now()
    await dryRunImport(database.db, { call, fileName: 'bench.csv', bytes })
    dryRun.push(performance.now() - t)
    t = performance.now()
    const started = await startImport(database.db, { call, fileName: 'bench.csv', bytes, via: 'cli', by })
    if (started.kind !== 'preview') throw new Error('expected a new preview')
    await commitImport(database.db, { importId: started.importId, by })
    full.push(performance.now() - t)
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  return {
    engine: database.kind,
    rows: ROWS,
    runs: RUNS,
    dryRunMedianMs: Math.round(median(dryRun)),
    importAndCommitMedianMs: Math.round(median(full)),
    importAndCommitMaxMs: Math.round(Math.max(...full)),
    goalMs: GOAL_MS,
    meetsGoal: Math.max(...full) < GOAL_MS,
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
      `${r.engine}: ${r.rows}-row report, dry run ${r.dryRunMedianMs} ms, import and commit ${r.importAndCommitMedianMs} ms (median of ${r.runs}, max ${r.importAndCommitMaxMs} ms); goal under ${r.goalMs} ms: ${r.meetsGoal ? 'met' : 'NOT met'}\n`,
    )
