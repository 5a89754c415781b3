import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { type Database, openDatabase } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import {
  admissionEvents,
  briefingAttachments,
  briefings,
  newsPosts,
  organizations,
  people,
  presentations,
  sitePages,
  staffMembers,
  storedFiles,
} from '#src/db/schema/index.ts'
import { parseQuery } from '#src/features/search/parse-query.ts'
import { searchContent } from '#src/features/search/search.ts'
import type { SearchKind } from '#src/features/search/search-kinds.ts'
import { Session } from '../tests/support/http.ts'
import { signInAs } from '../tests/support/sign-in-as.ts'
import { createTestApp } from '../tests/support/test-app.ts'
import { throwawayServerDatabase } from './start-hub.ts'

const GOAL_MS = 50
const TODAY = '2026-11-26'

/** A small seeded generator, so every run searches the same documents. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let r = Math.imul(a ^ (a >>> 15), 1 | a)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(12)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
/** The network's words, a few of them common (the earlier, the more often). */
const COMMON = (
  'manufacturing workforce training grants supply chain robotics welding apprenticeship semiconductor advanced ' +
  'aerospace automotive battery energy innovation export investment community college partnership maritime ' +
  'shipbuilding foundry machining additive composites plastics chemicals textiles furniture food processing ' +
  'logistics cybersecurity quantum biomanufacturing pharmaceuticals medical devices electronics steel aluminum ' +
  'timber forestry agriculture hydrogen solar wind nuclear mining critical minerals defense resilience regional'
).split(' ')
const SYLLABLES = 'ka lo mi ne ru sa ti vo ze pa qui dor fen gal hup jin kro lum mav nix'.split(' ')
/** Rare made-up words: most of a document's words, each in few documents. */
const RARE = Array.from({ length: 4000 }, () => Array.from({ length: 3 }, () => pick(SYLLABLES)).join(''))
const word = () =>
  rand() < 0.25 ? (COMMON[Math.floor(COMMON.length * rand() * rand())] as string) : pick(RARE)
const words = (n: number) => Array.from({ length: n }, word).join(' ')
const title = () => {
  const t = words(3 + Math.floor(rand() * 5))
  return t.charAt(0).toUpperCase() + t.slice(1)
}
const body = () =>
  Array.from({ length: 3 + Math.floor(rand() * 4) }, () => `${words(40 + Math.floor(rand() * 40))}.`).join(
    '\n\n',
  )
const visibility = () => (rand() < 0.5 ? ('public' as const) : ('members' as const))
const day = (i: number) => new Date(Date.UTC(2016, 0, 1) + (i % 3800) * 86_400_000).toISOString()

async function insertAll<T>(database: Database, rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  void database
  for (let i = 0; i < rows.length; i += 250) await insert(rows.slice(i, i + 250))
}

/** 10,000 documents across the kinds (see the header), one in 2,000 with the rare word 'zorblat'; and a staff member. */
async function seedSearchDocuments(database: Database): Promise<number> {
  const { db } = database
  const marked = (i: number, text: string) => (i % 2000 === 7 ? `${text} zorblat` : text)
  const pages = Array.from({ length: 1500 }, (_, i) => ({
    title: title(),
    slug: `page-${i}`,
    summary: words(25),
    bodyMarkdown: marked(i, body()),
    status: 'published' as const,
    publishAt: day(i),
    visibility: visibility(),
  }))
  await insertAll(database, pages, (b) => db.insert(sitePages).values(b))
  const posts = Array.from({ length: 3000 }, (_, i) => ({
    title: title(),
    slug: `post-${i}`,
    summary: words(25),
    bodyMarkdown: marked(i, body()),
    status: 'published' as const,
    publishAt: day(i * 7),
    visibility: visibility(),
    tags: [pick(COMMON), pick(COMMON)],
  }))
  await insertAll(database, posts, (b) => db.insert(newsPosts).values(b))
  const items = Array.from({ length: 3000 }, (_, i) => ({
    title: title(),
    slug: `item-${i}`,
    kind: i % 3 === 0 ? ('resource' as const) : ('briefing' as const),
    summary: words(25),
    bodyMarkdown: marked(i, body()),
    status: 'published' as const,
    visibility: visibility(),
    publishedOn: day(i * 5).slice(0, 10),
    tags: [pick(COMMON)],
  }))
  const itemIds: string[] = []
  await insertAll(database, items, async (b) => {
    for (const row of await db.insert(briefings).values(b).returning({ id: briefings.id }))
      itemIds.push(row.id)
  })
  const files = itemIds
    .slice(0, 1000)
    .map((briefingId, i) => ({ briefingId, data: Buffer.from(`%PDF ${i}`) }))
  await insertAll(database, files, async (b) => {
    const stored = await db
      .insert(storedFiles)
      .values(
        b.map((f) => ({
          name: 'a.pdf',
          contentType: 'application/pdf',
          size: f.data.length,
          sha256: 'x',
          data: f.data,
        })),
      )
      .returning({ id: storedFiles.id })
    await db.insert(briefingAttachments).values(
      b.map((f, j) => ({
        briefingId: f.briefingId,
        fileId: stored[j]?.id as string,
        extractedText: `${body()} ${body()}`,
      })),
    )
  })
  const orgs = Array.from({ length: 2000 }, (_, i) => ({
    name: `${title()} Alliance`,
    slug: `org-${i}`,
    category: 'member' as const,
    summary: words(40),
    leadOrganization: title(),
    focusIndustries: [pick(COMMON), pick(COMMON)],
  }))
  const orgIds: string[] = []
  await insertAll(database, orgs, async (b) => {
    for (const row of await db.insert(organizations).values(b).returning({ id: organizations.id }))
      orgIds.push(row.id)
  })
  await insertAll(database, orgIds, (b) =>
    db.insert(admissionEvents).values(
      b.map((organizationId) => ({
        organizationId,
        kind: 'admitted' as const,
        effectiveOn: '2020-01-01',
        reason: 'bench',
      })),
    ),
  )
  const talks = orgIds.slice(0, 250).flatMap((organizationId) =>
    [2025, 2026].map((year) => ({
      organizationId,
      year,
      status: 'given' as const,
      title: title(),
      summary: words(60),
      topics: [pick(COMMON), pick(COMMON)],
      visibility: visibility(),
    })),
  )
  await insertAll(database, talks, (b) => db.insert(presentations).values(b))
  const [staff] = await db
    .insert(people)
    .values({ fullName: 'Bench staff', email: 'staff@bench.example.org' })
    .returning({ id: people.id })
  await db.insert(staffMembers).values({ personId: staff?.id as string, startsOn: '2017-01-01' })
  // What autovacuum does on a running server: GIN pending lists merged, statistics fresh.
  await db.execute(sql`vacuum analyze`)
  return pages.length + posts.length + items.length + talks.length + orgs.length
}
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
const pglite = await openDatabase({ kind: 'pglite' })
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
