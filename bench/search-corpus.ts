/**
 * The search benchmark's corpus: 10,000 documents across the kinds, generated from a seeded
 * generator so that every run searches the same text. A common word is in about 90% of the
 * documents, as "manufacturing" is in this network's content; one document in 2,000 holds the rare
 * word 'zorblat'.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '#src/db/client.ts'
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
export async function seedSearchDocuments(database: Database): Promise<number> {
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
