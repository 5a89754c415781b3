/**
 * The public directory served by the Hub against a bare `node:http` server that sends the very same
 * bytes and headers (issue 13: the Hub at no less than 0.9 of bare, and the page under 60 KB).
 *
 *   npm run bench:directory                 # 5 s per measured run
 *   BENCH_SECONDS=10 npm run bench:directory
 *   npm run bench:directory -- --json       # results as JSON on stdout
 *
 * The Hub runs on its own embedded database with the demo network. Both servers run on 127.0.0.1,
 * one load at a time with the same concurrency, alternating Hub and bare for `ROUNDS` rounds so
 * that a slow moment of the machine falls on both. Goals are reported, not asserted: the exit
 * code is non-zero only when a request failed or answered non-2xx.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { productionHubEnv, startHubServe } from './start-hub.ts'

const PAGE = '/directory'
const CONNECTIONS = 10
const WARMUP_SECONDS = 3
const ROUNDS = 3
const GOAL_RATIO = 0.9
const GOAL_BYTES = 60 * 1024

type Figures = { requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number; failures: number }

const log = (line: string) => process.stderr.write(`bench:directory: ${line}\n`)

async function load(url: string, seconds: number): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds })
  return {
    requestsPerSecond: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
  }
}

const bareServerSource = `import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
const body = readFileSync(process.argv[2])
const headers = JSON.parse(readFileSync(process.argv[3], 'utf8'))
createServer((req, res) => {
  res.writeHead(200, { ...headers, 'Content-Length': body.length })
  res.end(body)
}).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port) })
process.once('SIGTERM', () => process.exit(0))
`

function startBare(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const files = ['bare.mjs', 'page.html', 'headers.json'].map((f) => path.join(dir, f))
    const child = spawn(process.execPath, files, { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = String(chunk).match(/listening on (\S+)/)
      if (match?.[1]) resolve({ child, url: match[1] })
    })
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)))
  })
}

/** CPU seconds a process has used so far (Linux), or undefined where /proc is not there. */
async function cpuSeconds(pid: number | undefined): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** Waits (a minute at most) until the Hub's start-up work is over: under a tenth of a core for 2 s. */
async function waitUntilIdle(pid: number | undefined): Promise<void> {
  const deadline = Date.now() + 60_000
  let quiet = 0
  let last = await cpuSeconds(pid)
  while (last !== undefined && Date.now() < deadline && quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const now = await cpuSeconds(pid)
    if (now === undefined) return
    quiet = now - last < 0.1 ? quiet + 1 : 0
    last = now
  }
}

const mean = (runs: Figures[]) => runs.reduce((t, r) => t + r.requestsPerSecond, 0) / runs.length

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
  const seconds = Number(process.env.BENCH_SECONDS ?? '5')
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120)
    throw new Error(`BENCH_SECONDS must be a whole number from 1 to 120, not "${process.env.BENCH_SECONDS}"`)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-directory-'))
  const children: ChildProcess[] = []
  try {
    // Development mode, so the empty database gets the demo network; no reminders or digest.
    const env = productionHubEnv({
      DATA_DIR: path.join(dir, 'data'),
      NODE_ENV: 'development',
      REMINDERS: 'off',
    })
    log('starting the Hub with the demo network')
    const hub = await startHubServe(env, 180_000)
    children.push(hub.child)
    await waitUntilIdle(hub.child.pid)
    const first = await fetch(`${hub.url}${PAGE}`)
    const body = Buffer.from(await first.arrayBuffer())
    if (first.status !== 200) throw new Error(`the Hub answered ${PAGE} with HTTP ${first.status}`)
    const second = await fetch(`${hub.url}${PAGE}`)
    await second.arrayBuffer()
    // The same bytes: the body and the headers the Hub sends with it (its security headers too).
    const perConnection = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])
    const headers = Object.fromEntries([...second.headers].filter(([name]) => !perConnection.has(name)))
    await writeFile(path.join(dir, 'page.html'), body)
    await writeFile(path.join(dir, 'headers.json'), JSON.stringify(headers))
    await writeFile(path.join(dir, 'bare.mjs'), bareServerSource)
    const bare = await startBare(dir)
    children.push(bare.child)
    const copy = Buffer.from(await (await fetch(bare.url)).arrayBuffer())
    if (!copy.equals(body)) throw new Error('the bare server does not send the same bytes')

    await load(`${hub.url}${PAGE}`, WARMUP_SECONDS)
    await load(bare.url, WARMUP_SECONDS)
    const hubRuns: Figures[] = []
    const bareRuns: Figures[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      log(`round ${round} of ${ROUNDS}: ${seconds} s on the Hub, then ${seconds} s on the bare server`)
      hubRuns.push(await load(`${hub.url}${PAGE}`, seconds))
      bareRuns.push(await load(bare.url, seconds))
    }
    const ratio = mean(hubRuns) / mean(bareRuns)
    const failures = [...hubRuns, ...bareRuns].reduce((t, r) => t + r.failures, 0)
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.availableParallelism(),
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      page: PAGE,
      bytes: body.length,
      isSizeGoalMet: body.length < GOAL_BYTES,
      secondFetchCache: second.headers.get('x-cache'),
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRun: seconds,
      hub: { requestsPerSecond: Math.round(mean(hubRuns)), runs: hubRuns },
      bare: { requestsPerSecond: Math.round(mean(bareRuns)), runs: bareRuns },
      ratio: Math.round(ratio * 1000) / 1000,
      isRatioGoalMet: ratio >= GOAL_RATIO,
      failures,
    }
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else {
      const rps = (runs: Figures[]) => runs.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')
      const p99 = (runs: Figures[]) => Math.max(...runs.map((r) => r.latencyP99Ms))
      process.stdout.write(
        [
          '',
          `${PAGE} from the Hub vs bare node:http, same bytes (${report.date}; load average ${report.loadAverage.join(' ')})`,
          `Node ${report.node}, ${report.cpus} CPUs; autocannon ${CONNECTIONS} connections, ${ROUNDS} rounds of ${seconds} s`,
          `Size: ${body.length} bytes (${(body.length / 1024).toFixed(1)} KB); goal under 60 KB ${report.isSizeGoalMet ? 'met' : 'NOT met'}; second fetch X-Cache: ${report.secondFetchCache}`,
          `Hub  ${report.hub.requestsPerSecond} req/s (runs ${rps(hubRuns)}; p99 ≤ ${p99(hubRuns)} ms)`,
          `Bare ${report.bare.requestsPerSecond} req/s (runs ${rps(bareRuns)}; p99 ≤ ${p99(bareRuns)} ms)`,
          `Hub/bare ${ratio.toFixed(3)}: goal at least ${GOAL_RATIO} ${report.isRatioGoalMet ? 'met' : 'NOT met'}`,
          failures === 0
            ? 'Every request answered 2xx without error.'
            : `${failures} requests failed or answered non-2xx.`,
          '',
        ].join('\n'),
      )
    }
    return failures === 0 ? 0 : 1
  } finally {
    for (const child of children) child.kill('SIGTERM')
    await rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  log(`failed: ${(error as Error).message}`)
  process.exitCode = 1
}
