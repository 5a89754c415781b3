import { type SQL, sql } from 'drizzle-orm'
import type { ContentVisibility } from '#src/db/schema/index.ts'

/** What every kind's SQL needs: the tsquery (an SQL expression), who is asking, and when. */
export type KindContext = {
  /**
   * The query to rank by, computed once (`(select rank from q)` in the search statement): the
   * parsed query's words joined by `|` (exclusions dropped), so that a title or summary holding
   * any of the words scores, even when the other words are only in the body.
   */
  rank: SQL
  /**
   * The query the GIN index answers alone (`(select loose from q)`): the query with each phrase's
   * word order dropped (`a <-> b` read as `a & b`), which finds every row the query finds and a few
   * more; `phraseFoundSql` then keeps the rows that hold the phrase. The same as the query when it
   * has no phrase, or has an exclusion (a phrase excluded, read loosely, would exclude too much).
   * The statement is prepared with a generic plan (see prepared-statement.ts), so the query is a
   * value of the run, computed once.
   */
  loose: SQL
  /** Whether the query has a phrase to test (`(select phrased from q)`; see phraseFoundSql). */
  phrased: SQL
  /** What the viewer may see (`visibleTo(viewer)`); the sitemap passes ['public']. */
  visibilities: readonly ContentVisibility[]
  now: Date
  /** Today in the network's zone, for the organisations admitted today. */
  today: string
  timeZone: string
}

/**
 * One kind of searchable content, its SQL in one file: the rows that match (each filtered by its own
 * visibility and publication rule), the address and the text of a snippet of one row by id, and
 * the public live rows for the sitemap.
 */
export type SearchSource = {
  /** The name the search statement dispatches on ('page', 'news', 'library', …). */
  source: string
  /** select source, kind, id, title, published_on (date or null), score: the matching rows this viewer may see. */
  hits: (ctx: KindContext) => SQL
  /** The path of the row whose id is `id` (an SQL expression). */
  path: (id: SQL) => SQL
  /** The text a snippet is cut from, for the row whose id is `id`. */
  text: (id: SQL) => SQL
  /** select path, lastmod (timestamptz or null): every public live row, for the sitemap. */
  publicEntries: (ctx: Pick<KindContext, 'now' | 'today' | 'timeZone'>) => SQL
}

/**
 * How much each weight counts: D (attachments) 0.0001, C (body) 0.001, B (summary, tags) 0.01,
 * A (title) 1. A word in the title counts as much as a hundred in the summary (cover density ranks
 * add up the matches), so a title match ranks above a summary match.
 */
export const RANK_WEIGHTS = sql.raw(`'{0.0001, 0.001, 0.01, 1.0}'::float4[]`)

/**
 * The score of a match, from 0 to 1: the cover density rank (weighted, see RANK_WEIGHTS, and
 * normalised by rank / (rank + 1)) of its RANK vector: the title (A) and the summary and tags (B)
 * only, a small value kept in the table's row. The full document (body, attachments' text) only
 * decides whether a row matches, through its GIN index, and is never read for ranking: it is
 * stored out of line, and reading it for every match of a common word cost ten times the rest of
 * the search. So a title match ranks above a summary match, which ranks above a match in the body
 * or the attachments only; those score 0 and come newest first. The rank is worked out only when
 * the rank vector holds a word of the query (`@@`, a lookup): with none, ts_rank_cd gives 0 anyway,
 * after a walk over the whole vector that cost 2.5 µs a row on PGlite, most of a broad word's
 * per-match cost, since most matches are in the body only.
 */
export const scoreSql = (rankVector: SQL, rank: SQL): SQL =>
  sql`case when ${rankVector} @@ ${rank} then ts_rank_cd(${RANK_WEIGHTS}, ${rankVector}, ${rank}, 32) else 0 end`

/**
 * SQL: a kind's `source` as a constant of the statement (the hits' `source` column, which the
 * statement dispatches on). Source names are the code's own, lowercase letters only.
 */
export function sourceSql(source: string): SQL {
  if (!/^[a-z]+$/.test(source))
    throw new TypeError(`a search source's name is lowercase letters, not ${source}`)
  return sql.raw(`'${source}'::text`)
}

/** A local date (in the network's zone) of an instant column. */
export const localDateSql = (instant: SQL, timeZone: string): SQL =>
  sql`(${instant} at time zone ${timeZone})::date`

/**
 * SQL: the text a written item's snippet is cut from: its summary, its tags' line when it has
 * tags, its body, then any `more` (an attachment's text). The summary is left out when the body
 * begins with it: a body often opens with its summary, and the snippet would show it twice.
 */
export const writtenTextSql = (o: { summary: SQL; body: SQL; tags?: SQL; more?: SQL }): SQL => {
  const summary = sql`case when starts_with(ltrim(${o.body}), ${o.summary}) then null else ${o.summary} end`
  const parts = [
    summary,
    ...(o.tags ? [listLineSql('Tags', o.tags)] : []),
    o.body,
    ...(o.more ? [o.more] : []),
  ]
  return sql`concat_ws(E'\n', ${sql.join(parts, sql`, `)})`
}

/**
 * SQL: a snippet's line of a row's list ("Tags: workforce, supply chain."), or null when it is
 * empty (concat_ws leaves it out). The list is in the searched document, so a row found by a tag
 * alone shows that tag highlighted; the full stop keeps it apart from the text that follows.
 */
export const listLineSql = (label: 'Tags' | 'Topics' | 'Focus industries', list: SQL): SQL =>
  sql`case when cardinality(${list}) > 0 then ${`${label}: `} || array_to_string(${list}, ', ') || '.' end`

/**
 * SQL: whether a row matches the query. The GIN index answers `loose` without reading the row's
 * vector (stored out of line); for a query with a phrase, the row must also be among the
 * statement's `phrase_hits` (see search.ts): the rows of search_phrase_vectors, whose in-row copies
 * are read once in one pass, that hold the phrase. `sources` are the row's kinds in that table
 * (an item of the library is found by its own vector or an attachment's).
 */
export const phraseFoundSql = (ctx: Pick<KindContext, 'phrased'>, id: SQL, sources: readonly string[]): SQL =>
  sql`(not ${ctx.phrased} or ${id} in (select h.id from phrase_hits h where h.source in (${sql.join(
    sources.map((source) => sql`${source}`),
    sql`, `,
  )})))`

/** SQL: `vector @@ loose`, and the phrase test (phraseFoundSql) of the row's one source. */
export const matchSql = (
  ctx: Pick<KindContext, 'loose' | 'phrased'>,
  row: { vector: SQL; source: string; id: SQL },
): SQL => sql`${row.vector} @@ ${ctx.loose} and ${phraseFoundSql(ctx, row.id, [row.source])}`
