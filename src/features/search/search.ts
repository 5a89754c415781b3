import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { nextScheduledSql } from '#src/db/publication.ts'
import { type ContentVisibility, newsPosts, sitePages } from '#src/db/schema/index.ts'
import { searchSources } from './kinds/index.ts'
import type { ParsedQuery } from './parse-query.ts'
import { runPrepared } from './prepared-statement.ts'
import { type SearchKind, searchKinds } from './search-kinds.ts'
import { headlineSql, parseSnippet, type SnippetPart } from './snippet.ts'

export const SEARCH_PAGE_SIZE = 10

export type SearchResult = {
  kind: SearchKind
  title: string
  path: string
  snippet: SnippetPart[]
  /** The date it was published (or given), in the network's zone; null for organisations. */
  publishedOn: string | null
}

export type SearchAnswer = {
  /** How many results of the chosen kind (or of every kind) the viewer may see. */
  total: number
  /** How many results of each kind the viewer may see. */
  counts: Record<SearchKind, number>
  results: SearchResult[]
  /** When a scheduled page or post goes out next (what is cached now is stale from then). */
  nextScheduledAt: string | null
}

type Row = {
  counts: Partial<Record<SearchKind, number>> | null
  next_scheduled_at: string | null
  kind: SearchKind | null
  title: string | null
  path: string | null
  snippet: string | null
  published_on: string | null
}

/** SQL: the tsquery of a parsed query, every piece of user text a bound parameter. */
const tsquerySql = (q: ParsedQuery): SQL => {
  const words = sql`websearch_to_tsquery('english', ${q.words})`
  if (q.prefix === null) return words
  const prefix = sql`to_tsquery('english', ${q.prefix} || ':*')`
  return q.words === '' ? prefix : sql`(${words} && ${prefix})`
}

/**
 * SQL: the query to rank by (see KindContext.rank): the query's words and phrases joined by `|`, its
 * exclusions dropped (`querytree`); a tsquery's text never has a space inside a lexeme, so only its
 * operators are replaced.
 */
const rankQuerySql = (query: SQL): SQL =>
  sql`coalesce(nullif(replace(querytree(${query})::text, ' & ', ' | '), 'T'), '')::tsquery`

/**
 * SQL: whether a query has a phrase to loosen (see KindContext.loose): a phrase operator (`<->`,
 * `<2>`…, always between spaces in a tsquery's text) and no exclusion (`!`).
 */
const phrasedSql = (query: SQL): SQL =>
  sql`(${query}::text ~ ' <(-|[0-9]+)> ' and strpos(${query}::text, '!') = 0)`

/** SQL: the query with each phrase operator read as `&` (see KindContext.loose). */
const looseQuerySql = (query: SQL): SQL =>
  sql`regexp_replace(${query}::text, ' <(-|[0-9]+)> ', ' & ', 'g')::tsquery`

/**
 * SQL: when the next scheduled page or post goes out, as an ISO instant (null when none is
 * scheduled): what the page cache holds of search and the sitemap is stale from then.
 */
export const nextScheduledAtSql = (now: Date): SQL =>
  sql`(select to_char(min(publish_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from (
      select ${sitePages.publishAt} as publish_at from ${sitePages} where ${nextScheduledSql(sitePages, now)}
      union all
      select ${newsPosts.publishAt} from ${newsPosts} where ${nextScheduledSql(newsPosts, now)}) later)`

/** SQL dispatching on the hit's source: the first of `pick(source)` whose source matches. */
const bySource = (pick: (s: (typeof searchSources)[number]) => SQL): SQL =>
  sql`case h.source ${sql.join(
    searchSources.map((s) => sql`when ${s.source} then ${pick(s)}`),
    sql` `,
  )} end`

export type SearchOptions = {
  query: ParsedQuery
  kind?: SearchKind
  page: number
  visibilities: readonly ContentVisibility[]
  now: Date
  today: string
  timeZone: string
}

/** The search statement (see searchContent), apart so that a benchmark can ask for its plan. */
export function searchStatement(options: SearchOptions): SQL {
  const ctx = {
    ...options,
    rank: sql`(select rank from q)`,
    loose: sql`(select loose from q)`,
    phrased: sql`(select phrased from q)`,
  }
  const id = sql`h.id`
  return sql`with q as (select query, rank, phrased,
        case when phrased then ${looseQuerySql(sql`query`)} else query end as loose
      from (select query, ${rankQuerySql(sql`query`)} as rank, ${phrasedSql(sql`query`)} as phrased
        from (select ${tsquerySql(options.query)} as query) parsed) ranked),
    phrase_hits as materialized (select source, id from search_phrase_vectors
      where (select phrased from q) and vector @@ (select query from q)),
    hits as (${sql.join(
      searchSources.map((s) => sql`(${s.hits(ctx)})`),
      sql` union all `,
    )}),
    counts as (select json_object_agg(kind, n) as counts from (select kind, count(*)::int as n from hits group by kind) k),
    shown as (select * from hits ${options.kind ? sql`where kind = ${options.kind}` : sql``}
      order by score desc, published_on desc nulls last, title, id
      limit ${SEARCH_PAGE_SIZE} offset ${(options.page - 1) * SEARCH_PAGE_SIZE})
    select c.counts,
      ${nextScheduledAtSql(options.now)} as next_scheduled_at,
      h.kind, h.title, h.published_on::text as published_on,
      ${bySource((s) => s.path(id))} as path,
      ${headlineSql(
        bySource((s) => s.text(id)),
        sql`q.query`,
      )} as snippet
    from counts c cross join q left join shown h on true
    order by h.score desc, h.published_on desc nulls last, h.title, h.id`
}

/**
 * Searches pages, news, the library, the presentations archive and organisations in one statement:
 * each kind filtered by its own visibility and publication rule, ranked (title over summary over
 * body, then the newer first), counted per kind, one page of results with highlighted snippets.
 */
export async function searchContent(db: DbOrTx, options: SearchOptions): Promise<SearchAnswer> {
  const empty = Object.fromEntries(searchKinds.map((k) => [k, 0])) as Record<SearchKind, number>
  if (!options.query.searchable) return { total: 0, counts: empty, results: [], nextScheduledAt: null }
  // Prepared once per connection, planned generically. For this statement's transaction only:
  // PostgreSQL's JIT compiler judges the statement costly and spends far longer compiling it than
  // running it (seconds against milliseconds); and a sequential scan reads each row's stored
  // document once more to test the match that the GIN index answers without reading it.
  const rows = await db.transaction(async (tx) => {
    const statement = searchStatement(options)
    return runPrepared<Row>(tx, statement, { jit: 'off', enable_seqscan: 'off' })
  })
  const counts = { ...empty, ...(rows[0]?.counts ?? {}) }
  const total = options.kind ? counts[options.kind] : Object.values(counts).reduce((a, b) => a + b, 0)
  const results = rows
    .filter((r) => r.kind !== null)
    .map((r) => ({
      kind: r.kind as SearchKind,
      title: r.title ?? '',
      path: r.path ?? '/',
      snippet: parseSnippet(r.snippet),
      publishedOn: r.published_on,
    }))
  return { total, counts, results, nextScheduledAt: rows[0]?.next_scheduled_at ?? null }
}
