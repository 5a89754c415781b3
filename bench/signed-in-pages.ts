import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { type Database, openDatabase } from '#src/db/client.ts'
import { DEMO_PASSWORD } from '#src/features/demo/demo-accounts.ts'
import { closedLoop, type LoadFigures } from './closed-loop.ts'
import { type BenchPage, BOARD_EMAIL, STAFF_EMAIL, seedSignedInBench, TODAY } from './signed-in-seed.ts'
import { productionHubEnv, startHubServe, throwawayServerDatabase } from './start-hub.ts'

const CLIENTS = 10
const GOAL_MS = 100

const log = (line: string) => process.stderr.write(`bench:signed-in: ${line}\n`)

function count(name: string, fallback: number): number {
  const raw = process.env[name] ?? String(fallback)
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new Error(`${name} must be a whole number from 1 to 100000, not "${raw}"`)
  return n
}

type PageFigures = LoadFigures & {
  label: string
  path: string
  engine: string
  bytes: number
  /** The first answer to one session: a full render. */
  coldMs: number
  pass: boolean
}

/** The cookies of a `Set-Cookie` list, as one `Cookie` header value merged into `jar`. */
function keepCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    const eq = pair.indexOf('=')
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

/** Signs in through the /sign-in form as a browser would (its form token, then the POST); returns the Cookie header. */
async function signIn(hubUrl: string, email: string, clientIp: string): Promise<string> {
  const jar = new Map<string, string>()
  // Each user signs in from an address of their own (the Hub trusts 127.0.0.1 as its proxy here),
  // as ten people would: sign-in allows five tries a minute per address.
  const form = await fetch(`${hubUrl}/sign-in`, { headers: { 'x-forwarded-for': clientIp } })
  keepCookies(jar, form)
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1]
  if (!token) throw new Error('the sign-in page carries no form token')
  const answer = await fetch(`${hubUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(hubUrl).origin,
      cookie: cookieHeader(jar),
      'x-forwarded-for': clientIp,
    },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, next: '/', _csrf: token }),
  })
  keepCookies(jar, answer)
  if (answer.status !== 303 && answer.status !== 302)
    throw new Error(
      `signing in as ${email} answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`,
    )
  if (![...jar.keys()].some((name) => name.endsWith('better-auth.session_token')))
    throw new Error(`signing in as ${email} set no session cookie`)
  return cookieHeader(jar)
}

/** Seeds `database` (then closes it), serves it with `hub serve`, and loads every page. */
async function measureEngine(
  engine: 'pglite' | 'postgres',
  database: Database,
  hubEnv: Record<string, string>,
  dir: string,
  counts: { warmup: number; requests: number },
): Promise<PageFigures[]> {
  let t = performance.now()
  let pages: BenchPage[]
  try {
    pages = await seedSignedInBench(database, path.join(dir, 'outbox'))
  } finally {
    await database.close()
  }
  log(`${engine}: demo network and bench data loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  t = performance.now()
  const hub = await startHubServe(
    productionHubEnv({ ...hubEnv, HUB_TODAY: TODAY, REMINDERS: 'off', TRUSTED_PROXIES: '127.0.0.1' }),
    180_000,
  )
  try {
    log(`${engine}: hub serve listening on ${hub.url} after ${((performance.now() - t) / 1000).toFixed(1)} s`)
    // Ten users: each client signs in on its own, so each has its own session and form token.
    const sessions = async (email: string) => {
      const cookies: { cookie: string }[] = []
      for (let i = 0; i < CLIENTS; i++)
        cookies.push({ cookie: await signIn(hub.url, email, `192.0.2.${i + 1}`) })
      return cookies
    }
    const cookies = { staff: await sessions(STAFF_EMAIL), board: await sessions(BOARD_EMAIL) }
    const results: PageFigures[] = []
    for (const page of pages) {
      const headersPerClient = cookies[page.as]
      // The first answer for a session is rendered in full: its time is the page's cold cost.
      const t = performance.now()
      const first = await fetch(`${hub.url}${page.path}`, {
        headers: headersPerClient[0],
        redirect: 'manual',
      })
      const bytes = (await first.arrayBuffer()).byteLength
      const coldMs = Math.round((performance.now() - t) * 10) / 10
      if (first.status !== 200) throw new Error(`${page.path} answered ${first.status} to ${page.as}`)
      const url = `${hub.url}${page.path}`
      await closedLoop({ url, headersPerClient, clients: CLIENTS, total: counts.warmup })
      const figures = await closedLoop({ url, headersPerClient, clients: CLIENTS, total: counts.requests })
      log(`${engine}: ${page.label} cold ${coldMs} ms, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`)
      results.push({
        ...figures,
        label: page.label,
        path: page.path,
        engine,
        bytes,
        coldMs,
        pass: figures.p99Ms < GOAL_MS,
      })
    }
    return results
  } finally {
    hub.child.kill('SIGTERM')
    await new Promise((resolve) => hub.child.once('exit', resolve))
  }
}

function table(rows: PageFigures[]): string {
  const lines = [
    [
      'page',
      'engine',
      'bytes',
      'cold ms',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      `p99 < ${GOAL_MS} ms`,
    ],
    ...rows.map((r) => [
      r.label,
      r.engine,
      String(r.bytes),
      String(r.coldMs),
      r.requestsPerSecond.toFixed(0),
      String(r.p50Ms),
      String(r.p95Ms),
      String(r.p99Ms),
      String(r.maxMs),
      r.failures ? `FAIL (${r.failures} failed: ${r.firstFailure})` : r.pass ? 'PASS' : 'FAIL',
    ]),
  ]
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? []
  const line = (l: string[]) =>
    `| ${l.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  const [head = [], ...body] = lines
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n')
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
  const counts = { warmup: count('BENCH_WARMUP', 50), requests: count('BENCH_REQUESTS', 300) }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-signed-in-'))
  const rows: PageFigures[] = []
  let engineFailed = false
  try {
    const dataDir = path.join(dir, 'data')
    const pglite = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') })
    rows.push(...(await measureEngine('pglite', pglite, { DATA_DIR: dataDir }, dir, counts)))
    const server = await throwawayServerDatabase('hub_bench_signed_in')
    if (server)
      try {
        const database = await openDatabase({ kind: 'postgres', url: server.url })
        rows.push(...(await measureEngine('postgres', database, { DATABASE_URL: server.url }, dir, counts)))
      } catch (error) {
        // PGlite's figures are still worth printing.
        log(`PostgreSQL failed: ${(error as Error).stack ?? error}`)
        engineFailed = true
      } finally {
        await server.drop()
      }
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    clients: CLIENTS,
    ...counts,
    goal: `p99 under ${GOAL_MS} ms (reported, not asserted)`,
    pages: rows,
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else
    process.stdout.write(
      `\nSigned-in pages, ${CLIENTS} concurrent clients, ${counts.warmup} warm-up then ${counts.requests} requests a page (${report.date})\n` +
        `Node ${report.node}, ${report.cpus} CPUs, load average ${report.loadAverage.join(' ')}\n\n${table(rows)}\n\n`,
    )
  return !engineFailed && rows.every((r) => r.failures === 0) ? 0 : 1
}

try {
  process.exitCode = await main()
} catch (error) {
  log(`failed: ${(error as Error).stack ?? error}`)
  process.exitCode = 1
}
