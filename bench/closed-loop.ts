/**
 * A closed-loop load for the benchmarks: `clients` clients, each on its own kept-alive connection,
 * send the next request as soon as the last one is read whole, until `total` requests are done.
 * Every request's time is kept, so any percentile can be read (autocannon gives no p95).
 */
import http from 'node:http'

export type LoadFigures = {
  requests: number
  clients: number
  seconds: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Answers other than `expectStatus`, and requests that failed outright. */
  failures: number
  firstFailure?: string
}

/** The nearest-rank percentile of `xs` (0 to 100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** One GET, its body read and dropped; resolves with the status. */
function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    request.setTimeout(30_000, () => request.destroy(new Error('no answer within 30 s')))
    request.on('error', reject)
  })
}

/** Loads `url` with `total` requests from `clients` concurrent clients; see the header. */
export async function closedLoop(options: {
  url: string
  total: number
  clients: number
  headers?: Record<string, string>
  /** Each client's own headers (client i uses entry i modulo the length): one person per client. */
  headersPerClient?: readonly Record<string, string>[]
  expectStatus?: number
}): Promise<LoadFigures> {
  const url = new URL(options.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients })
  const times: number[] = []
  let started = 0
  let failures = 0
  let firstFailure: string | undefined
  const client = async (_: unknown, index: number) => {
    const perClient = options.headersPerClient
    const headers = perClient?.length ? (perClient[index % perClient.length] ?? {}) : (options.headers ?? {})
    while (started < options.total) {
      started++
      const t = performance.now()
      try {
        const status = await get(agent, url, headers)
        times.push(performance.now() - t)
        if (status !== (options.expectStatus ?? 200)) {
          failures++
          firstFailure ??= `HTTP ${status}`
        }
      } catch (error) {
        failures++
        firstFailure ??= (error as Error).message
      }
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: options.clients }, client))
  const seconds = (performance.now() - t0) / 1000
  agent.destroy()
  return {
    requests: options.total,
    clients: options.clients,
    seconds: round(seconds),
    requestsPerSecond: round(times.length / seconds),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(Math.max(0, ...times)),
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  }
}
