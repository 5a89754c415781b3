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

/** One page of the library, newest first, and how many items match in all (one statement, a second past the last page). */
export async function listLibrary(
  db: DbOrTx,
  visibilities: Visibilities,
  filters: LibraryFilters,
): Promise<{ items: LibraryListItem[]; total: number }> {
  const where = sql.join([readable(visibilities), ...filterSql(filters)], sql` and `)
  const from = sql`from briefings b left join calls c on c.id = b.call_id where ${where}`
  const rows = await queryRows<LibraryListItem & { total: number }>(
    db,
    sql`select b.id::text as id, b.slug, b.kind, b.title, b.summary, b.published_on::text as "publishedOn",
        b.tags, b.focus_industries as "focusIndustries", b.visibility, c.local_date::text as "callDate",
        (select count(*)::int from briefing_attachments a where a.briefing_id = b.id) as "attachmentCount",
        count(*) over ()::int as total
      ${from}
      order by b.published_on desc nulls last, b.title
      limit ${LIBRARY_PAGE_SIZE} offset ${(filters.page - 1) * LIBRARY_PAGE_SIZE}`,
  )
  const items = rows.map(({ total: _, ...item }) => item)
  if (rows[0]) return { items, total: Number(rows[0].total) }
  if (filters.page === 1) return { items, total: 0 }
  const [count] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${from}`)
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

/**
 * The choices of each filter, with counts, over what the viewer may see (a visitor's never
 * count members-only items), all in one statement: tags and industries alphabetical, calls
 * and years newest first.
 */
export async function libraryFacets(db: DbOrTx, visibilities: Visibilities): Promise<LibraryFacets> {
  const rows = await queryRows<Facet & { facet: keyof LibraryFacets }>(
    db,
    sql`with r as (
        select b.kind::text as kind, b.tags, b.focus_industries, c.local_date::text as call_date,
          extract(year from b.published_on)::int::text as year, b.visibility::text as visibility
        from briefings b left join calls c on c.id = b.call_id where ${readable(visibilities)}
      ), v as (
        select 'kinds' as facet, kind as value from r
        union all select 'tags', unnest(tags) from r
        union all select 'focusIndustries', unnest(focus_industries) from r
        union all select 'calls', call_date from r
        union all select 'years', year from r
        union all select 'visibilities', visibility from r
      )
      select facet, value, count(*)::int as count from v where value is not null and value <> ''
      group by facet, value
      order by facet, case when facet in ('calls', 'years') then value end desc,
        case when facet in ('tags', 'focusIndustries') then lower(value) end, value`,
  )
  const facets: LibraryFacets = {
    kinds: [],
    tags: [],
    focusIndustries: [],
    calls: [],
    years: [],
    visibilities: [],
  }
  for (const { facet, value, count } of rows) facets[facet].push({ value, count: Number(count) })
  return facets
}
