/** The library as a reader sees it: published items the viewer may see, filtered and paged, and the filters' choices. */
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { visibleSql } from '#src/db/publication.ts'
import type { LibraryKind } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { LIBRARY_PAGE_SIZE, type LibraryFilters } from './library-filters.ts'

export type Visibilities = readonly ('public' | 'members')[]

export type LibraryListItem = {
  id: string
  slug: string
  kind: LibraryKind
  title: string
  summary: string
  publishedOn: string
  tags: string[]
  focusIndustries: string[]
  visibility: 'public' | 'members'
  callDate: string | null
  attachmentCount: number
}

/** Published and visible: the condition every reader's query starts from. */
const readable = (visibilities: Visibilities): SQL =>
  sql`b.status = 'published' and ${visibleSql(sql`b.visibility`, visibilities)}`

function filterSql(filters: LibraryFilters): SQL[] {
  const where: SQL[] = []
  if (filters.kind) where.push(sql`b.kind = ${filters.kind}`)
  if (filters.tag) where.push(sql`${filters.tag} = any(b.tags)`)
  if (filters.focus) where.push(sql`${filters.focus} = any(b.focus_industries)`)
  if (filters.call) where.push(sql`c.local_date = ${filters.call}::date`)
  if (filters.year) where.push(sql`extract(year from b.published_on) = ${Number(filters.year)}`)
  if (filters.visibility) where.push(sql`b.visibility = ${filters.visibility}`)
  return where
}

/** One page of the library, newest first, and how many items match in all. */
export async function listLibrary(
  db: DbOrTx,
  visibilities: Visibilities,
  filters: LibraryFilters,
): Promise<{ items: LibraryListItem[]; total: number }> {
  const where = sql.join([readable(visibilities), ...filterSql(filters)], sql` and `)
  const offset = (filters.page - 1) * LIBRARY_PAGE_SIZE
  const [items, [count]] = await Promise.all([
    queryRows<LibraryListItem>(
      db,
      sql`select b.id::text as id, b.slug, b.kind, b.title, b.summary, b.published_on::text as "publishedOn",
          b.tags, b.focus_industries as "focusIndustries", b.visibility, c.local_date::text as "callDate",
          (select count(*)::int from briefing_attachments a where a.briefing_id = b.id) as "attachmentCount"
        from briefings b left join calls c on c.id = b.call_id
        where ${where}
        order by b.published_on desc nulls last, b.title
        limit ${LIBRARY_PAGE_SIZE} offset ${offset}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from briefings b left join calls c on c.id = b.call_id where ${where}`,
    ),
  ])
  return { items, total: Number(count?.total ?? 0) }
}

export type Facet = { value: string; count: number }
export type LibraryFacets = {
  kinds: Facet[]
  tags: Facet[]
  focusIndustries: Facet[]
  calls: Facet[]
  years: Facet[]
  visibilities: Facet[]
}

/** The choices of each filter, with counts, over what the viewer may see (a visitor's never count members-only items). */
export async function libraryFacets(db: DbOrTx, visibilities: Visibilities): Promise<LibraryFacets> {
  const base = sql`from briefings b left join calls c on c.id = b.call_id where ${readable(visibilities)}`
  const facet = (value: SQL, order: SQL = sql`value`) =>
    queryRows<Facet>(
      db,
      sql`select value, count(*)::int as count from (select ${value} as value ${base}) f
        where value is not null and value <> '' group by value order by ${order}`,
    )
  const [kinds, tags, focusIndustries, calls, years, visibilityFacets] = await Promise.all([
    facet(sql`b.kind`),
    facet(sql`unnest(b.tags)`, sql`lower(value)`),
    facet(sql`unnest(b.focus_industries)`, sql`lower(value)`),
    facet(sql`c.local_date::text`, sql`value desc`),
    facet(sql`extract(year from b.published_on)::int::text`, sql`value desc`),
    facet(sql`b.visibility`),
  ])
  return { kinds, tags, focusIndustries, calls, years, visibilities: visibilityFacets }
}
