/**
 * `hub export` and `hub import` with ~160 MB of stored files on PGlite (issue 10, item 8: the
 * old export ran out of memory there). Fills a fresh data folder with BENCH_FILES files of
 * 20 MB of incompressible bytes, then runs the real command in a child process for each step
 * and reports its time and peak RSS (the child's own getrusage maxRSS).
 *
 *   npm run bench:export
 *   BENCH_FILES=2 npm run bench:export        (a quick run: 40 MB)
 *
 * The figures are reported, not asserted; the exit code is non-zero only when a step failed.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { storedFiles } from '#src/db/schema/index.ts'

const FILES = Number(process.env.BENCH_FILES ?? 8)
const FILE_BYTES = 20_000_000
const hubBin = path.resolve(import.meta.dirname, '../bin/hub.js')
// Prints the child's peak resident set (KB, from getrusage) as it exits.
const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`

type Step = { code: number | null; seconds: number; peakMb: number; stderr: string }

function runHub(args: string[], env: Record<string, string>, io: { stdin?: string; stdout?: string }) {
  return new Promise<Step>((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', reportRss, hubBin, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', io.stdout ? 'pipe' : 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    if (io.stdout) child.stdout?.pipe(createWriteStream(io.stdout))
    child.stdin?.end()
    child.on('error', reject)
    child.on('close', (code) => {
      const kb = Number(stderr.match(/peak-rss-kb (\d+)/)?.[1] ?? 0)
      resolve({ code, seconds: (performance.now() - started) / 1000, peakMb: kb / 1024, stderr })
    })
  })
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-export-'))
  try {
    const source = path.join(dir, 'source')
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(source, 'pglite') })
    await migrateDatabase(database)
    for (let i = 0; i < FILES; i++) {
      const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FILE_BYTES - 9)])
      await database.db.insert(storedFiles).values({
        name: `evidence-${i}.pdf`,
        contentType: 'application/pdf',
        size: data.length,
        sha256: 'bench',
        data,
      })
    }
    await database.close()
    const stored = (FILES * FILE_BYTES) / 1e6
    console.log(`${FILES} stored files, ${stored} MB, in a PGlite data folder`)

    // PGlite's own floor: creating and migrating an empty data folder, nothing else.
    const floor = await runHub(['migrate'], { DATA_DIR: path.join(dir, 'empty') }, {})
    console.log(`hub migrate (a new, empty folder): peak RSS ${floor.peakMb.toFixed(0)} MB`)

    const file = path.join(dir, 'network.ndjson')
    const exported = await runHub(['export'], { DATA_DIR: source }, { stdout: file })
    const size = (await stat(file)).size / 1e6
    console.log(
      `hub export: ${exported.seconds.toFixed(1)} s, peak RSS ${exported.peakMb.toFixed(0)} MB, document ${size.toFixed(0)} MB (status ${exported.code})`,
    )
    const imported = await runHub(['import', file], { DATA_DIR: path.join(dir, 'target') }, {})
    console.log(
      `hub import: ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peakMb.toFixed(0)} MB (status ${imported.code}): ${imported.stderr.split('\n')[0]}`,
    )
    if (exported.code !== 0 || imported.code !== 0) {
      console.error(exported.stderr, imported.stderr)
      process.exitCode = 1
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
