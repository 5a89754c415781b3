/**
 * How a 200 MB WordPress export imports (issue 12: under a minute, RSS under 300 MB): the file is
 * generated in a temporary folder (never committed) by tests/support/wxr-generator.ts: about
 * 32,000 posts of block markup and shortcodes, 1,100 pages three levels deep, drafts and
 * comments. Then `hub wordpress import FILE --json` runs as a process of its own on a fresh
 * PGlite data folder (or on PostgreSQL when BENCH_DATABASE_URL names an empty, throwaway
 * database), timed, with its peak RSS read by /usr/bin/time. A second run of the same file (nothing changes) is timed too.
 *
 *   npm run bench:wordpress
 *   npm run bench:wordpress -- --mb 50 --json
 *
 * The goals are reported, not asserted; the exit code is non-zero only when an import failed.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { writeLargeWxr } from '../tests/support/wxr-generator.ts'

const { values } = parseArgs({ options: { mb: { type: 'string' }, json: { type: 'boolean' } } })
const TARGET_MB = Number(values.mb ?? 200)
const GOAL_SECONDS = 60
const GOAL_RSS_MB = 300

type Run = { seconds: number; rssMb: number; code: number; stdout: string; stderr: string }

function hub(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'bin/hub.js', ...args], {
      env: { ...process.env, ...env },
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

const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-wordpress-'))
try {
  const file = path.join(dir, 'export.xml')
  const made = await writeLargeWxr(file, { megabytes: TARGET_MB })
  const size = (await stat(file)).size
  const env: Record<string, string> = process.env.BENCH_DATABASE_URL
    ? { DATABASE_URL: process.env.BENCH_DATABASE_URL }
    : { DATA_DIR: path.join(dir, 'data') }
  const migrated = await hub(['migrate'], env)
  if (migrated.code !== 0) throw new Error(migrated.stderr)
  const first = await hub(['wordpress', 'import', file, '--json'], env)
  const again = await hub(['wordpress', 'import', file, '--json'], env)
  const summary = first.code === 0 ? JSON.parse(first.stdout) : null
  const result = {
    engine: process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite',
    fileMb: Number((size / 1024 / 1024).toFixed(1)),
    generated: made,
    import: { seconds: first.seconds, rssMb: Math.round(first.rssMb), code: first.code },
    reimport: { seconds: again.seconds, rssMb: Math.round(again.rssMb), code: again.code },
    counts: summary && { posts: summary.posts, pages: summary.pages, redirects: summary.redirects },
    goals: { seconds: GOAL_SECONDS, rssMb: GOAL_RSS_MB },
    met: first.seconds < GOAL_SECONDS && first.rssMb < GOAL_RSS_MB,
  }
  if (values.json) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(
      `WordPress import of a ${result.fileMb} MB export (${made.posts} posts, ${made.pages} pages) on ${result.engine}:`,
    )
    console.log(
      `  import:   ${first.seconds.toFixed(1)} s, peak RSS ${Math.round(first.rssMb)} MB (goal < ${GOAL_SECONDS} s, < ${GOAL_RSS_MB} MB)`,
    )
    console.log(
      `  again:    ${again.seconds.toFixed(1)} s, peak RSS ${Math.round(again.rssMb)} MB (nothing changes)`,
    )
    if (summary)
      console.log(`  posts ${JSON.stringify(summary.posts)}, pages ${JSON.stringify(summary.pages)}`)
  }
  if (first.code !== 0 || again.code !== 0) {
    console.error(first.stderr.slice(-2000), again.stderr.slice(-2000))
    process.exitCode = 1
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
