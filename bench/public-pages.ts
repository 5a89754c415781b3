/**
 * Throughput of the Hub's public pages against a bare `node:http` server that
 * serves the very same bytes: how much the Hub (Hono, middleware, page cache
 * lookup) costs on top of writing a buffer to a socket.
 *
 *   npm run bench                      # 5 s per measured run
 *   BENCH_SECONDS=10 npm run bench
 *   npm run bench -- --json            # results as JSON on stdout
 *
 * Everything runs on 127.0.0.1, one load test at a time. Timing goals are
 * reported, not asserted: the exit code is non-zero only when a request failed
 * or answered non-2xx (or when the harness itself could not run).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const HOST = '127.0.0.1'
const PAGES = ['/directory', '/organizations/amp-socal'] as const
const CONNECTIONS = 10
const WARMUP_SECONDS = 1
const GOAL_RATIO = 0.5
const HEALTH_TIMEOUT_MS = 60_000
const BARE_READY_TIMEOUT_MS = 10_000
const FETCH_TIMEOUT_MS = 10_000
const KILL_GRACE_MS = 5_000

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type Target = 'hub' | 'bare'

type RunFigures = {
  requestsPerSecond: number
  requestsTotal: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
  non2xx: number
  errors: number
  timeouts: number
  durationSeconds: number
}

type PageResult = {
  page: string
  contentType: string
  bytes: number
  hubCacheHeader: string | null
  /** One request right after start-up, rendering the page (cache miss), then one served from the cache. */
  hubFirstFetchMs: number
  hubSecondFetchMs: number
  hub: RunFigures
  bare: RunFigures
  /** hub req/s divided by bare req/s. */
  ratio: number
  isGoalMet: boolean
  /** non-2xx answers and errors seen in the warm-up runs (not in the figures above). */
  warmupFailures: number
}

type BenchReport = {
  date: string
  node: string
  platform: string
  cpus: number
  cpuModel: string
  connections: number
  secondsPerRun: number
  warmupSeconds: number
  goal: string
  pages: PageResult[]
  isEveryRequestOk: boolean
}

// ---------------------------------------------------------------- arguments

function readOptions(): { json: boolean; seconds: number } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    process.stdout.write(
      'Usage: npm run bench [-- --json]\n\nEnvironment:\n  BENCH_SECONDS  seconds per measured run (1 to 120, default 5)\n',
    )
    process.exit(0)
  }
  const raw = process.env.BENCH_SECONDS ?? '5'
  const seconds = Number(raw)
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) {
    throw new Error(`BENCH_SECONDS must be a whole number of seconds from 1 to 120, not "${raw}"`)
  }
  return { json: values.json === true, seconds }
}

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>()
let tempDir: string | undefined
let cleanup: Promise<void> | undefined
let isCleaningUp = false

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`)
}

/** A port the system says is free on the loopback address, distinct from `avoid`. */
async function freePort(avoid: number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer()
      server.once('error', reject)
      server.listen(0, HOST, () => {
        const address = server.address()
        const found = typeof address === 'object' && address ? address.port : 0
        server.close(() => resolve(found))
      })
    })
    if (port > 0 && !avoid.includes(port)) return port
  }
  throw new Error('could not find a free port on 127.0.0.1')
}

/** Starts a child, keeping the tail of its output for when something goes wrong. */
function startChild(name: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-16_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child)
      if (!isCleaningUp) log(`${name} exited early (code ${code}, signal ${signal})`)
      resolve()
    })
  })
  return { child, exited, output: () => output }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
  await exited
  clearTimeout(timer)
}

/** Stops both children and removes the temporary folder; safe to call more than once. */
function cleanUp(): Promise<void> {
  cleanup ??= (async () => {
    isCleaningUp = true
    await Promise.all([...children].map((child) => stopChild(child).catch(() => {})))
    if (tempDir) await rm(tempDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  })()
  return cleanup
}

// ---------------------------------------------------------------- http

async function fetchPage(url: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, body }
}

async function waitFor(
  what: string,
  url: string,
  timeoutMs: number,
  exited: Promise<void>,
  output: () => string,
): Promise<void> {
  let hasExited = false
  void exited.then(() => {
    hasExited = true
  })
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`${what} stopped before it was ready. Its output:\n${output()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await response.arrayBuffer()
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s (${last}). Its output:\n${output()}`)
}

// ---------------------------------------------------------------- load

async function load(url: string, seconds: number): Promise<RunFigures> {
  const result = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds })
  return {
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  }
}

/** A 1 s warm-up, then the measured run; returns the failures of the warm-up alongside. */
async function measure(target: Target, url: string, seconds: number) {
  log(`${target} ${url}: warm-up ${WARMUP_SECONDS} s, then ${seconds} s`)
  const warmup = await load(url, WARMUP_SECONDS)
  const figures = await load(url, seconds)
  return { figures, warmupFailures: warmup.non2xx + warmup.errors }
}

// ---------------------------------------------------------------- bare server

const bareServerSource = `// Written by bench/public-pages.ts: serves fixed bytes, nothing else.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const routes = new Map(
  manifest.pages.map((p) => [p.path, { type: p.contentType, body: readFileSync(p.file) }]),
)
const server = createServer((req, res) => {
  const page = routes.get(req.url)
  if (!page) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('not found')
    return
  }
  res.writeHead(200, { 'Content-Type': page.type, 'Content-Length': page.body.length })
  res.end(page.body)
})
server.listen(Number(process.env.PORT), '127.0.0.1')
const stop = () => server.close(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
`

// ---------------------------------------------------------------- report

function formatTable(report: BenchReport): string {
  const rows = [
    [
      'page',
      'hub req/s',
      'bare req/s',
      'hub/bare',
      'hub p99 ms',
      'bare p99 ms',
      'non-2xx hub/bare',
      'errors hub/bare',
      `goal ≥ ${GOAL_RATIO * 100}%`,
    ],
    ...report.pages.map((p) => [
      p.page,
      p.hub.requestsPerSecond.toFixed(0),
      p.bare.requestsPerSecond.toFixed(0),
      `${(p.ratio * 100).toFixed(0)}%`,
      String(p.hub.latencyP99Ms),
      String(p.bare.latencyP99Ms),
      `${p.hub.non2xx}/${p.bare.non2xx}`,
      `${p.hub.errors}/${p.bare.errors}`,
      p.isGoalMet ? 'met' : 'NOT met',
    ]),
  ]
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? []
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`
  const [head, ...body] = rows
  return [line(head ?? []), rule, ...body.map(line)].join('\n')
}

function printText(report: BenchReport): void {
  const out: string[] = [
    '',
    `Public pages: Hub vs bare node:http serving the same bytes (${report.date})`,
    `Node ${report.node} on ${report.platform}, ${report.cpus} CPUs (${report.cpuModel})`,
    `autocannon: ${report.connections} connections, ${report.warmupSeconds} s warm-up then ${report.secondsPerRun} s per run, one run at a time`,
    '',
    formatTable(report),
    '',
  ]
  for (const p of report.pages) {
    out.push(
      `${p.page}: ${p.bytes} bytes, ${p.contentType}; Hub first fetch ${p.hubFirstFetchMs} ms (render), ` +
        `second ${p.hubSecondFetchMs} ms (X-Cache: ${p.hubCacheHeader ?? 'none'}); ` +
        `goal "hub at least ${GOAL_RATIO * 100}% of bare" ${p.isGoalMet ? 'is met' : 'is NOT met'} (${(p.ratio * 100).toFixed(1)}%)`,
    )
  }
  out.push(
    report.isEveryRequestOk
      ? 'Every request answered 2xx without error.'
      : 'Some requests failed or answered non-2xx (warm-ups included): see the table.',
    '',
  )
  process.stdout.write(out.join('\n'))
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const options = readOptions()
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-'))
  const hubPort = await freePort()
  const barePort = await freePort([hubPort])
  const hubUrl = `http://${HOST}:${hubPort}`
  const bareUrl = `http://${HOST}:${barePort}`

  // The Hub, on its own embedded database; never a DATABASE_URL from the caller's shell.
  const hubEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(hubPort),
    HOST,
    DATA_DIR: path.join(tempDir, 'data'),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  }
  delete hubEnv.DATABASE_URL
  delete hubEnv.HUB_CLI
  log(`starting the Hub on ${hubUrl} (data in ${tempDir})`)
  const startedAt = Date.now()
  const hub = startChild('the Hub', ['bin/hub.js', 'serve'], hubEnv)
  await waitFor('the Hub', `${hubUrl}/healthz`, HEALTH_TIMEOUT_MS, hub.exited, hub.output)
  log(`the Hub answered /healthz after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)

  // The bytes to copy: fetched twice, so the second answer also shows the cache at work.
  const manifest: { pages: { path: string; contentType: string; file: string }[] } = { pages: [] }
  const captured = new Map<
    string,
    { contentType: string; bytes: number; cacheHeader: string | null; firstMs: number; secondMs: number }
  >()
  for (const [index, page] of PAGES.entries()) {
    const t0 = performance.now()
    const first = await fetchPage(`${hubUrl}${page}`)
    const t1 = performance.now()
    if (first.status !== 200) throw new Error(`the Hub answered ${page} with HTTP ${first.status}`)
    const second = await fetchPage(`${hubUrl}${page}`)
    const t2 = performance.now()
    if (!second.body.equals(first.body)) log(`warning: ${page} changed between two fetches`)
    const contentType = first.headers.get('content-type') ?? 'application/octet-stream'
    const file = path.join(tempDir, `page-${index}.bin`)
    await writeFile(file, first.body)
    manifest.pages.push({ path: page, contentType, file })
    captured.set(page, {
      contentType,
      bytes: first.body.length,
      cacheHeader: second.headers.get('x-cache'),
      firstMs: Math.round((t1 - t0) * 10) / 10,
      secondMs: Math.round((t2 - t1) * 10) / 10,
    })
  }
  const manifestFile = path.join(tempDir, 'pages.json')
  const serverFile = path.join(tempDir, 'bare-server.mjs')
  await writeFile(manifestFile, JSON.stringify(manifest))
  await writeFile(serverFile, bareServerSource)

  const bareEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, PORT: String(barePort) }
  const bare = startChild('the bare server', [serverFile, manifestFile], bareEnv)
  await waitFor('the bare server', `${bareUrl}${PAGES[0]}`, BARE_READY_TIMEOUT_MS, bare.exited, bare.output)
  for (const page of PAGES) {
    const copy = await fetchPage(`${bareUrl}${page}`)
    if (copy.body.length !== captured.get(page)?.bytes)
      throw new Error(`the bare server answers ${page} wrongly`)
  }

  // Strictly one load at a time: the machine has 2 cores, and autocannon needs one of them.
  const results: PageResult[] = []
  for (const page of PAGES) {
    const hubRun = await measure('hub', `${hubUrl}${page}`, options.seconds)
    const bareRun = await measure('bare', `${bareUrl}${page}`, options.seconds)
    const info = captured.get(page)
    const ratio =
      bareRun.figures.requestsPerSecond > 0
        ? hubRun.figures.requestsPerSecond / bareRun.figures.requestsPerSecond
        : 0
    results.push({
      page,
      contentType: info?.contentType ?? '',
      bytes: info?.bytes ?? 0,
      hubCacheHeader: info?.cacheHeader ?? null,
      hubFirstFetchMs: info?.firstMs ?? 0,
      hubSecondFetchMs: info?.secondMs ?? 0,
      hub: hubRun.figures,
      bare: bareRun.figures,
      ratio,
      isGoalMet: ratio >= GOAL_RATIO,
      warmupFailures: hubRun.warmupFailures + bareRun.warmupFailures,
    })
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    connections: CONNECTIONS,
    secondsPerRun: options.seconds,
    warmupSeconds: WARMUP_SECONDS,
    goal: `hub req/s at least ${GOAL_RATIO * 100}% of bare req/s (reported, not asserted)`,
    pages: results,
    isEveryRequestOk: results.every(
      (r) => r.hub.non2xx + r.hub.errors + r.bare.non2xx + r.bare.errors + r.warmupFailures === 0,
    ),
  }
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else printText(report)
  return report.isEveryRequestOk ? 0 : 1
}

// The whole run is bounded: start-up, two pages × two targets × (warm-up + run), and slack.
const seconds = Number(process.env.BENCH_SECONDS ?? '5')
const watchdogSeconds =
  (HEALTH_TIMEOUT_MS + BARE_READY_TIMEOUT_MS) / 1000 +
  PAGES.length * 2 * (WARMUP_SECONDS + (Number.isFinite(seconds) ? seconds : 5) + 5) +
  60
const watchdog = setTimeout(() => {
  log(`took longer than ${watchdogSeconds} s; giving up`)
  void cleanUp().finally(() => process.exit(1))
}, watchdogSeconds * 1000)
watchdog.unref()

let isInterrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: npm and tsx relay the signal again, and a second one must not
  // kill this process before the cleanup has finished.
  process.on(signal, () => {
    if (isInterrupted) return
    isInterrupted = true
    log(`${signal}: stopping the servers`)
    void cleanUp().finally(() => process.exit(130))
  })
}

try {
  process.exitCode = await main()
} catch (error) {
  if (!isInterrupted) log(`failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await cleanUp()
  clearTimeout(watchdog)
}
