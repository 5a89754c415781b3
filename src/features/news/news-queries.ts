import { and, arrayOverlaps, count, desc, eq, inArray, min, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { liveSql, nextScheduledSql } from '#src/db/publication.ts'
import { newsPosts, people } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { ContentVisibility } from './news-types.ts'

/** What every list, page and feed shows of a post. */
const postColumns = {
  id: newsPosts.id,
  slug: newsPosts.slug,
  title: newsPosts.title,
  summary: newsPosts.summary,
  status: newsPosts.status,
  publishAt: newsPosts.publishAt,
  updatedAt: newsPosts.updatedAt,
  authorId: newsPosts.authorId,
  authorName: sql<string>`coalesce(${people.fullName}, ${newsPosts.authorName})`,
  categories: newsPosts.categories,
  tags: newsPosts.tags,
  visibility: newsPosts.visibility,
  coverFileId: newsPosts.coverFileId,
  coverAlt: newsPosts.coverAlt,
}

export type NewsFilter = { year?: number; categories?: string[]; tags?: string[] }

/** The live posts a viewer may see, narrowed by year (in the network's zone), category or tag. */
function liveWhere(options: { now: Date; visibilities: ContentVisibility[]; timeZone: string } & NewsFilter) {
  const where: SQL[] = [liveSql(newsPosts, options.now), inArray(newsPosts.visibility, options.visibilities)]
  if (options.year !== undefined)
    where.push(
      sql`extract(year from ${newsPosts.publishAt} at time zone ${options.timeZone}) = ${options.year}`,
    )
  if (options.categories) where.push(arrayOverlaps(newsPosts.categories, options.categories))
  if (options.tags) where.push(arrayOverlaps(newsPosts.tags, options.tags))
  return and(...where)
}

/** One page of live posts, newest first, and how many there are in all. */
export async function listLiveNews(
  db: DbOrTx,
  options: {
    now: Date
    visibilities: ContentVisibility[]
    timeZone: string
    page: number
    perPage: number
  } & NewsFilter,
) {
  const where = liveWhere(options)
  const [total] = await db.select({ n: count() }).from(newsPosts).where(where)
  const posts = await db
    .select(postColumns)
    .from(newsPosts)
    .leftJoin(people, eq(people.id, newsPosts.authorId))
    .where(where)
    .orderBy(desc(newsPosts.publishAt), desc(newsPosts.id))
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage)
  return { posts, total: total?.n ?? 0 }
}

export type NewsListItem = Awaited<ReturnType<typeof listLiveNews>>['posts'][number]

/** The years (in the network's zone) that have live posts the viewer may see, newest first. */
export async function newsYears(
  db: DbOrTx,
  options: { now: Date; visibilities: ContentVisibility[]; timeZone: string },
): Promise<number[]> {
  const year = sql<number>`extract(year from ${newsPosts.publishAt} at time zone ${options.timeZone})::int`
  // By position: the zone is a parameter, so the same expression is not the same text twice.
  const rows = await db
    .select({ year })
    .from(newsPosts)
    .where(liveWhere(options))
    .groupBy(sql`1`)
    .orderBy(sql`1 desc`)
  return rows.map((row) => Number(row.year))
}

/**
 * A category or tag (its name as written) of the posts a viewer may see that are out or
 * scheduled: whether a published post has it, and when the first scheduled one goes out (ms).
 */
export type PostTerm = { term: string; isPublished: boolean; scheduledAt: number | null }

/**
 * The categories or tags of the published and scheduled posts a viewer may see. The answer
 * depends on the records only (not on the time), so it can be kept until the next write;
 * `isTermLive` reads it at a given time.
 */
export async function postTerms(
  db: DbOrTx,
  options: { visibilities: ContentVisibility[]; kind: 'categories' | 'tags' },
): Promise<PostTerm[]> {
  const column = options.kind === 'categories' ? newsPosts.categories : newsPosts.tags
  return queryRows<PostTerm>(
    db,
    sql`select t.term, bool_or(${newsPosts.status} = 'published') as "isPublished",
          (extract(epoch from min(${newsPosts.publishAt}) filter (where ${newsPosts.status} = 'scheduled')) * 1000)::float8 as "scheduledAt"
        from ${newsPosts} cross join lateral unnest(${column}) as t(term)
        where ${newsPosts.status} <> 'draft' and ${inArray(newsPosts.visibility, options.visibilities)}
        group by t.term`,
  )
}

/** Whether a post of the term is out at `now` (the rule of isLive, over the term's posts). */
export const isTermLive = (term: PostTerm, now: Date): boolean =>
  term.isPublished || (term.scheduledAt !== null && term.scheduledAt <= now.getTime())

/** A post by its slug, whatever its status or visibility (the route decides who sees it), with its body. */
export async function findPostBySlug(db: DbOrTx, slug: string) {
  const [post] = await db
    .select({ ...postColumns, bodyMarkdown: newsPosts.bodyMarkdown })
    .from(newsPosts)
    .leftJoin(people, eq(people.id, newsPosts.authorId))
    .where(eq(newsPosts.slug, slug))
  return post
}

export type NewsPost = NonNullable<Awaited<ReturnType<typeof findPostBySlug>>>

/** What the cover's address needs of a post: who may see it, and its cover's file. */
export async function findPostCover(db: DbOrTx, slug: string) {
  const [post] = await db
    .select({
      status: newsPosts.status,
      publishAt: newsPosts.publishAt,
      visibility: newsPosts.visibility,
      coverFileId: newsPosts.coverFileId,
    })
    .from(newsPosts)
    .where(eq(newsPosts.slug, slug))
  return post
}

/** The newest live PUBLIC posts with their bodies, for the feeds (members-only posts never). */
export async function feedPosts(db: DbOrTx, options: { now: Date; limit: number }): Promise<NewsPost[]> {
  return db
    .select({ ...postColumns, bodyMarkdown: newsPosts.bodyMarkdown })
    .from(newsPosts)
    .leftJoin(people, eq(people.id, newsPosts.authorId))
    .where(and(liveSql(newsPosts, options.now), eq(newsPosts.visibility, 'public')))
    .orderBy(desc(newsPosts.publishAt), desc(newsPosts.id))
    .limit(options.limit)
}

/** When the next scheduled post goes out, or undefined: what is cached now is stale from then. */
export async function nextScheduledPost(db: DbOrTx, now: Date): Promise<string | undefined> {
  const [row] = await db
    .select({ at: min(newsPosts.publishAt) })
    .from(newsPosts)
    .where(nextScheduledSql(newsPosts, now))
  return row?.at ?? undefined
}
