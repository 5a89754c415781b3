/**
 * A published news post served from the page cache, against a bare `node:http` server that
 * serves the very same bytes, in the same run (issue 12: the Hub at no less than 0.8 of bare).
 *
 *   npm run bench:news                 # 5 s per measured run
 *   BENCH_SECONDS=10 npm run bench:news
 *   npm run bench:news -- --json       # results as JSON on stdout
 *
 * The Hub runs on its own embedded database with the demo network, whose press release is the
 * post. Both servers run on 127.0.0.1, one load at a time, alternating Hub and bare for `ROUNDS`
 * rounds so that a slow moment of the machine falls on both. The goal is reported, not asserted:
 * the exit code is non-zero only when a request failed, answered non-2xx, or missed the cache.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { DEMO_PRESS_RELEASE_SLUG } from '../src/features/demo/demo-news.ts'
import { isFromPageCache, productionHubEnv, startHubServe } from './start-hub.ts'

const PAGE = `/news/${DEMO_PRESS_RELEASE_SLUG}`
const CONNECTIONS = 10
const WARMUP_SECONDS = 3
const ROUNDS = 3
const GOAL_RATIO = 0.8

type Figures = { requestsPerSecond: number; latencyP99Ms: number; non2xx: number; errors: number }

const log = (line: string) => process.stderr.write(`bench:news: ${line}\n`)

function readOptions(): { json: boolean; seconds: number } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { json: { type: 'boolean', default: false } },
  })
  const seconds = Number(process.env.BENCH_SECONDS ?? '5')
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120)
    throw new Error(
      `BENCH_SECONDS must be a whole number of seconds from 1 to 120, not "${process.env.BENCH_SECONDS}"`,
    )
  return { json: values.json === true, seconds }
}

async function load(url: string, seconds: number): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds })
  return {
    requestsPerSecond: r.requests.average,
    latencyP99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
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

/** Starts the bare server on the captured bytes; resolves with its URL. */
function startBare(
  script: string,
  bodyFile: string,
  headersFile: string,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, bodyFile, headersFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = String(chunk).match(/listening on (\S+)/)
      if (match?.[1]) resolve({ child, url: match[1] })
    })
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)))
  })
}

/** CPU seconds a process has used so far (Linux), or undefined where /proc is not there. */
async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/**
 * Waits until the Hub's start-up work (demo accounts, the first reminders and digest of the demo
 * network) is over: its CPU use stays under a tenth of a core for two seconds; at most a minute.
 */
async function waitUntilIdle(pid: number | undefined): Promise<void> {
  const deadline = Date.now() + 60_000
  let quiet = 0
  let last = pid ? await cpuSeconds(pid) : undefined
  while (last !== undefined && Date.now() < deadline && quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const now = pid ? await cpuSeconds(pid) : undefined
    if (now === undefined) return
    quiet = now - last < 0.1 ? quiet + 1 : 0
    last = now
  }
}

const sum = (runs: Figures[], key: keyof Figures) => runs.reduce((total, run) => total + run[key], 0)
const mean = (runs: Figures[], key: keyof Figures) => sum(runs, key) / runs.length

async function main(): Promise<number> {
  const options = readOptions()
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-news-'))
  const children: ChildProcess[] = []
  try {
    // Development mode, so the empty database gets the demo network and its press release; no
    // reminders or digest, whose first run (a minute after start) would fall inside a measured run.
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
    const cache = second.headers.get('x-cache')
    // The same bytes: the body and the headers the Hub sends with it (its security headers too).
    const connectionHeaders = new Set([
      'date',
      'connection',
      'keep-alive',
      'content-length',
      'transfer-encoding',
    ])
    const headers = Object.fromEntries([...second.headers].filter(([name]) => !connectionHeaders.has(name)))
    await writeFile(path.join(dir, 'page.html'), body)
    await writeFile(path.join(dir, 'headers.json'), JSON.stringify(headers))
    await writeFile(path.join(dir, 'bare.mjs'), bareServerSource)
    const bare = await startBare(
      path.join(dir, 'bare.mjs'),
      path.join(dir, 'page.html'),
      path.join(dir, 'headers.json'),
    )
    children.push(bare.child)

    const hubRuns: Figures[] = []
    const bareRuns: Figures[] = []
    // Warm-ups: the JIT, and the modules the Hub loads on its first requests.
    await load(`${hub.url}${PAGE}`, WARMUP_SECONDS)
    await load(bare.url, WARMUP_SECONDS)
    for (let round = 1; round <= ROUNDS; round++) {
      log(
        `round ${round} of ${ROUNDS}: ${options.seconds} s on the Hub, then ${options.seconds} s on the bare server`,
      )
      hubRuns.push(await load(`${hub.url}${PAGE}`, options.seconds))
      bareRuns.push(await load(bare.url, options.seconds))
    }
    const ratio = mean(hubRuns, 'requestsPerSecond') / mean(bareRuns, 'requestsPerSecond')
    const failures =
      sum(hubRuns, 'non2xx') + sum(hubRuns, 'errors') + sum(bareRuns, 'non2xx') + sum(bareRuns, 'errors')
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      page: PAGE,
      bytes: body.length,
      secondFetchCache: cache,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRun: options.seconds,
      hub: {
        requestsPerSecond: mean(hubRuns, 'requestsPerSecond'),
        p99Ms: Math.max(...hubRuns.map((r) => r.latencyP99Ms)),
        runs: hubRuns,
      },
      bare: {
        requestsPerSecond: mean(bareRuns, 'requestsPerSecond'),
        p99Ms: Math.max(...bareRuns.map((r) => r.latencyP99Ms)),
        runs: bareRuns,
      },
      ratio,
      goal: `hub req/s at least ${GOAL_RATIO * 100}% of bare req/s (reported, not asserted)`,
      isGoalMet: ratio >= GOAL_RATIO,
      failures,
    }
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else
      process.stdout.write(
        [
          '',
          `News post from the page cache vs bare node:http, same bytes (${report.date})`,
          `Node ${report.node}, ${report.cpus} CPUs (${report.cpuModel}); autocannon ${CONNECTIONS} connections, ${ROUNDS} rounds of ${options.seconds} s each`,
          `${PAGE}: ${body.length} bytes; second fetch X-Cache: ${cache}`,
          `Hub  ${report.hub.requestsPerSecond.toFixed(0)} req/s (p99 ≤ ${report.hub.p99Ms} ms); runs ${hubRuns.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')}`,
          `Bare ${report.bare.requestsPerSecond.toFixed(0)} req/s (p99 ≤ ${report.bare.p99Ms} ms); runs ${bareRuns.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')}`,
          `Hub/bare ${(ratio * 100).toFixed(1)}%: the goal (at least ${GOAL_RATIO * 100}%) ${report.isGoalMet ? 'is met' : 'is NOT met'}`,
          failures === 0
            ? 'Every request answered 2xx without error.'
            : `${failures} requests failed or answered non-2xx.`,
          '',
        ].join('\n'),
      )
    return failures === 0 && isFromPageCache(cache) ? 0 : 1
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
