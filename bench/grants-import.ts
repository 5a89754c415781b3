/**
 * How a 500 MB Grants.gov extract imports (issue 15: RSS under 250 MB, with progress): a synthetic
 * extract (tests/support/grants-extract-generator.ts) is written to a temporary folder (never
 * committed), then `hub grants import FILE --json` runs as a process of its own on a fresh PGlite
 * data folder (or on PostgreSQL when BENCH_DATABASE_URL names an empty, throwaway database), timed,
 * with its peak RSS read by /usr/bin/time (the kernel's maxrss of that process). The same file is
 * imported again (nothing changes). `--zip` imports the .zip Grants.gov ships instead.
 *
 *   npx tsx bench/grants-import.ts
 *   npx tsx bench/grants-import.ts --mb 60 --zip --json
 *
 * The goals are reported, not asserted; the exit code is non-zero only when an import failed.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { writeGrantsExtract } from '../tests/support/grants-extract-generator.ts'

const { values } = parseArgs({
  options: { mb: { type: 'string' }, zip: { type: 'boolean' }, json: { type: 'boolean' } },
})
const MB = Number(values.mb ?? 500)
const GOAL_RSS_MB = 250

type Run = { seconds: number; rssMb: number; code: number; stdout: string; stderr: string }

function hub(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'bin/hub.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      const [, seconds = '0', kb = '0'] = stderr.match(/TIME ([\d.]+) (\d+)/) ?? []
      resolve({ seconds: Number(seconds), rssMb: Number(kb) / 1024, code: code ?? 1, stdout, stderr })
    })
  })
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-grants-'))
try {
  const file = path.join(dir, `GrantsDBExtract20250115v2.${values.zip ? 'zip' : 'xml'}`)
  const made = await writeGrantsExtract(file, { megabytes: MB, zip: values.zip })
  const env: Record<string, string> = process.env.BENCH_DATABASE_URL
    ? { DATABASE_URL: process.env.BENCH_DATABASE_URL }
    : { DATA_DIR: path.join(dir, 'data') }
  const migrated = await hub(['migrate'], env)
  if (migrated.code !== 0) throw new Error(migrated.stderr)
  const first = await hub(['grants', 'import', file, '--json'], env)
  const again = await hub(['grants', 'import', file, '--json'], env)
  const counts = (run: Run) => {
    if (run.code !== 0) return null
    const { records, added, updated, unchanged } = JSON.parse(run.stdout)
    return { records, added, updated, unchanged }
  }
  const progressLines = first.stderr.split('\n').filter((line) => line.startsWith('Importing:')).length
  const result = {
    engine: process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite',
    fileMb: Number((made.bytes / 1024 / 1024).toFixed(1)),
    zip: Boolean(values.zip),
    generated: { records: made.records, synopses: made.synopses, forecasts: made.forecasts },
    migrate: { seconds: migrated.seconds, rssMb: Math.round(migrated.rssMb) },
    import: {
      seconds: first.seconds,
      rssMb: Math.round(first.rssMb),
      recordsPerSecond: Math.round(made.records / first.seconds),
      progressLines,
      counts: counts(first),
    },
    reimport: { seconds: again.seconds, rssMb: Math.round(again.rssMb), counts: counts(again) },
    goal: { rssMb: GOAL_RSS_MB },
    met: first.code === 0 && first.rssMb < GOAL_RSS_MB && again.rssMb < GOAL_RSS_MB,
  }
  if (values.json) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(
      `Grants.gov import of a ${result.fileMb} MB extract${result.zip ? ' (zipped)' : ''} (${made.records} records) on ${result.engine}:`,
    )
    console.log(`  migrate alone: peak RSS ${result.migrate.rssMb} MB (the process's floor)`)
    console.log(
      `  import: ${first.seconds.toFixed(1)} s, ${result.import.recordsPerSecond} records/s, peak RSS ${result.import.rssMb} MB (goal < ${GOAL_RSS_MB} MB), ${progressLines} progress lines`,
    )
    console.log(
      `  again:  ${again.seconds.toFixed(1)} s, peak RSS ${result.reimport.rssMb} MB (nothing changes)`,
    )
    console.log(
      `  counts: ${JSON.stringify(result.import.counts)}, again ${JSON.stringify(result.reimport.counts)}`,
    )
  }
  if (first.code !== 0 || again.code !== 0) {
    console.error(first.stderr.slice(-2000), again.stderr.slice(-2000))
    process.exitCode = 1
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
