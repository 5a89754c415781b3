/**
 * How fast attendance reports parse, and in how much memory (issue 10: a 2,000-row report
 * well under a second; 200,000 rows under 300 MB of peak RSS). Each size is a Zoom
 * participants CSV with the meeting-data preamble, written to a temporary file and parsed
 * from it by a fresh child process (so its peak RSS is the parse's, not the generator's):
 * rows per second (small files: the median of five runs) and peak RSS
 * (process.resourceUsage().maxRSS) are printed.
 *
 *   npm run bench:parse
 *   npm run bench:parse -- --json
 *   BENCH_PARSE_ROWS=2000,50000 npm run bench:parse
 *
 * The goals are reported, not asserted; the exit code is non-zero only when a parse failed.
 */
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseAttendanceFile } from '#src/features/attendance/parse/index.ts'

const CALL_DATE = '2026-03-09'
const TIME_ZONE = 'America/New_York'
const GOALS = { msAt2000: 1000, peakRssMbAt200000: 300 }

type Measured = { rows: number; people: number; ms: number; maxRssMb: number }

const pad = (n: number) => String(n).padStart(2, '0')
const time = (minute: number) => {
  const h24 = 13 + Math.floor(minute / 60)
  return `03/09/2026 ${pad(h24 % 12 || 12)}:${pad(minute % 60)}:00 ${h24 < 12 ? 'AM' : 'PM'}`
}

/** A Zoom report of `rows` joins by `rows / 2` people (each rejoins once), written line by line. */
async function writeReport(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file)
  const write = (line: string) =>
    out.write(`${line}\r\n`)
      ? Promise.resolve()
      : new Promise<void>((done) => out.once('drain', () => done()))
  await write('Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,')
  await write(
    `812 3456 7890,National call,03/09/2026 01:00:00 PM,03/09/2026 02:00:00 PM,host@example.org,60,${rows},`,
  )
  await write('')
  await write('Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest')
  const people = Math.max(1, Math.floor(rows / 2))
  for (let i = 0; i < rows; i++) {
    const person = i % people
    const join = (i >= people ? 30 : 0) + (person % 20)
    const name = person % 7 === 0 ? `"Person, Number ${person}"` : `Person ${person} (Host)`
    await write(`${name},p${person}@example.org,${time(join)},${time(join + 25)},25,No`)
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())))
}

/**
 * In the child: parse the file and say how long it took (small files: the median of five
 * runs, the first one warming up the code) and the peak RSS.
 */
async function measureHere(file: string, rows: number): Promise<Measured> {
  const times: number[] = []
  let people = 0
  for (let run = 0; run < (rows <= 20_000 ? 5 : 1); run++) {
    const started = performance.now()
    const report = await parseAttendanceFile(file, { callDate: CALL_DATE, timeZone: TIME_ZONE })
    times.push(performance.now() - started)
    people = report.participants.length
  }
  const ms = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
  return { rows, people, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }
}

function measureInChild(file: string, rows: number): Promise<Measured> {
  const self = fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, self, '--child', file, String(rows)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Measured) : reject(new Error(`the parse exited with ${code}`)),
    )
  })
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, child: { type: 'boolean', default: false } },
})

if (values.child) {
  const [file, rows] = positionals
  process.stdout.write(JSON.stringify(await measureHere(file as string, Number(rows))))
} else {
  const sizes = (process.env.BENCH_PARSE_ROWS ?? '2000,200000').split(',').map(Number)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-parse-'))
  const results: (Measured & { fileMb: number; rowsPerSecond: number })[] = []
  try {
    for (const rows of sizes) {
      const file = path.join(dir, `zoom-${rows}.csv`)
      await writeReport(file, rows)
      const fileMb = Math.round(((await stat(file)).size / (1024 * 1024)) * 10) / 10
      const measured = await measureInChild(file, rows)
      results.push({ ...measured, fileMb, rowsPerSecond: Math.round(rows / (measured.ms / 1000)) })
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ goals: GOALS, results }, null, 2)}\n`)
  else
    for (const r of results)
      process.stdout.write(
        `attendance parse: ${r.rows} rows (${r.fileMb} MB, ${r.people} people) in ${r.ms} ms, ${r.rowsPerSecond} rows/s, peak RSS ${r.maxRssMb} MB\n`,
      )
  const at = (rows: number) => results.find((r) => r.rows === rows)
  const small = at(2000)
  const large = at(200_000)
  if (!values.json && small)
    process.stdout.write(
      `goal: 2,000 rows in under 1 s: ${small.ms < 1000 ? 'met' : 'NOT met'} (${small.ms} ms)\n`,
    )
  if (!values.json && large)
    process.stdout.write(
      `goal: 200,000 rows under ${GOALS.peakRssMbAt200000} MB peak RSS: ${large.maxRssMb < GOALS.peakRssMbAt200000 ? 'met' : 'NOT met'} (${large.maxRssMb} MB)\n`,
    )
}
