import { parseArgs } from 'node:util'
import { type Database, openDatabase } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { parseQuery } from '#src/features/search/parse-query.ts'
import { searchContent } from '#src/features/search/search.ts'
import type { SearchKind } from '#src/features/search/search-kinds.ts'
import { Session } from '../tests/support/http.ts'
import { signInAs } from '../tests/support/sign-in-as.ts'
import { createTestApp } from '../tests/support/test-app.ts'
import { seedSearchDocuments } from './search-corpus.ts'
import { throwawayServerDatabase } from './start-hub.ts'

const GOAL_MS = 50
const TODAY = '2026-11-26'
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 40)

const QUERIES: { label: string; q: string; kind?: SearchKind; page?: number }[] = [
  { label: 'common word', q: 'manufacturing' },
  { label: 'rare word', q: 'zorblat' },
  { label: 'two words', q: 'workforce apprenticeship' },
  { label: 'phrase', q: '"supply chain"' },
  { label: 'exclusion', q: 'robotics -welding' },
  { label: 'prefix being typed', q: 'semicond' },
  { label: 'two words, the last typed', q: 'advanced manuf' },
  { label: 'kind filter', q: 'manufacturing', kind: 'briefing' },
  { label: 'second page', q: 'grants', page: 2 },
]

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}
const round = (ms: number) => Math.round(ms * 10) / 10

async function measure(database: Database) {
  await migrateDatabase(database)
  let t = performance.now()
  const documents = await seedSearchDocuments(database)
  const seedSeconds = round((performance.now() - t) / 1000)
  process.stderr.write(`${database.kind}: ${documents} documents seeded in ${seedSeconds} s; timing\n`)
  const now = new Date(`${TODAY}T17:00:00Z`)
  const base = { now, today: TODAY, timeZone: 'America/New_York' }
  const timeStatement = async (visibilities: ('public' | 'members')[]) => {
    const all: number[] = []
    const perQuery: Record<string, { p50: number; p99: number; total: number }> = {}
    for (const query of QUERIES) {
      const options = {
        ...base,
        query: parseQuery(query.q),
        kind: query.kind,
        page: query.page ?? 1,
        visibilities,
      }
      let total = 0
      for (let i = 0; i < 3; i++) total = (await searchContent(database.db, options)).total
      const times: number[] = []
      for (let i = 0; i < RUNS; i++) {
        t = performance.now()
        await searchContent(database.db, options)
        times.push(performance.now() - t)
      }
      all.push(...times)
      perQuery[query.label] = { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), total }
    }
    return { p50: round(percentile(all, 50)), p99: round(percentile(all, 99)), perQuery }
  }
  const member = await timeStatement(['public', 'members'])
  const publicOnly = await timeStatement(['public'])

  // The whole answer through the app, as a signed-in staff member (a member's search is never cached).
  const app = await createTestApp(database, { today: TODAY })
  const session = new Session(app.app)
  await signInAs(session, database.db, app.auth, { email: 'staff@bench.example.org' })
  const http: number[] = []
  for (const query of QUERIES) {
    const params = new URLSearchParams({ q: query.q, ...(query.kind ? { kind: query.kind } : {}) })
    if (query.page) params.set('page', String(query.page))
    for (let i = 0; i < RUNS / 2 + 2; i++) {
      t = performance.now()
      const res = await session.get(`/api/v1/search?${params}`)
      await res.text()
      if (res.status !== 200) throw new Error(`/api/v1/search answered ${res.status}`)
      if (i >= 2) http.push(performance.now() - t)
    }
  }
  await app.stop()
  return {
    engine: database.kind,
    documents,
    seedSeconds,
    runsPerQuery: RUNS,
    statementMemberP50Ms: member.p50,
    statementMemberP99Ms: member.p99,
    statementPublicP99Ms: publicOnly.p99,
    apiMemberP50Ms: round(percentile(http, 50)),
    apiMemberP99Ms: round(percentile(http, 99)),
    goalMs: GOAL_MS,
    meetsGoal: Math.max(member.p99, publicOnly.p99, percentile(http, 99)) < GOAL_MS,
    perQueryAsMember: member.perQuery,
  }
}

/** A fresh database on the PostgreSQL server, opened, or undefined when there is no server to reach. */
async function serverDatabase(): Promise<{ database: Database; drop: () => Promise<void> } | undefined> {
  const server = await throwawayServerDatabase('hub_bench_search')
  if (!server) return undefined
  const database = await openDatabase({ kind: 'postgres', url: server.url })
  return {
    database,
    drop: async () => {
      await database.close()
      await server.drop()
    },
  }
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
const results = []
// As a Hub that serves pages opens it (see BUFFER_POOLS).
const pglite = await openDatabase({ kind: 'pglite', bufferPool: 'serving' })
try {
  results.push(await measure(pglite))
} finally {
  await pglite.close()
}
const server = await serverDatabase()
if (server)
  try {
    results.push(await measure(server.database))
  } finally {
    await server.drop()
  }
if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
else
  for (const r of results) {
    process.stdout.write(
      `${r.engine}: ${r.documents} documents (seeded in ${r.seedSeconds} s), ${r.runsPerQuery} runs of ${QUERIES.length} queries: ` +
        `the statement p99 ${r.statementMemberP99Ms} ms as a member (p50 ${r.statementMemberP50Ms}), ${r.statementPublicP99Ms} ms as the public; ` +
        `GET /api/v1/search as a member p99 ${r.apiMemberP99Ms} ms (p50 ${r.apiMemberP50Ms}) — goal under ${r.goalMs} ms ${r.meetsGoal ? 'met' : 'NOT met'}\n`,
    )
    for (const [label, q] of Object.entries(r.perQueryAsMember))
      process.stdout.write(`  ${label}: p50 ${q.p50} ms, p99 ${q.p99} ms, ${q.total} results\n`)
  }
