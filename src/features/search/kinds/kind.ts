import { type SQL, sql } from 'drizzle-orm'
import type { ContentVisibility } from '#src/db/schema/index.ts'

/** What every kind's SQL needs: the tsquery (an SQL expression), who is asking, and when. */
export type KindContext = {
  /** The parsed query as an SQL expression of type tsquery (`q.query` in the search statement). */
  query: SQL
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
  publicEntries: (ctx: Omit<KindContext, 'query' | 'visibilities'>) => SQL
}

/** How much each weight counts: D (attachments), C (body), B (summary, tags), A (title). */
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`)

/**
 * The score of a document: its cover density rank (0 to 1, weighted) plus 1 when the title
 * (weight A) alone matches the query, so a title match always ranks above a body match.
 */
export const scoreSql = (vector: SQL, query: SQL): SQL =>
  sql`(ts_rank_cd(${WEIGHTS}, ${vector}, ${query}, 32) + case when ts_filter(${vector}, '{a}') @@ ${query} then 1 else 0 end)`

/** `column in ('public', …)`: the visibilities a viewer may see. */
export const visibleSql = (column: SQL, visibilities: readonly ContentVisibility[]): SQL =>
  visibilities.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        visibilities.map((v) => sql`${v}`),
        sql`, `,
      )})`

/** A local date (in the network's zone) of an instant column. */
export const localDateSql = (instant: SQL, timeZone: string): SQL =>
  sql`(${instant} at time zone ${timeZone})::date`
