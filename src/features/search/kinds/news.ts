import { sql } from 'drizzle-orm'
import { liveSql, visibleSql } from '#src/db/publication.ts'
import { newsPosts } from '#src/db/schema/index.ts'
import {
  type KindContext,
  localDateSql,
  matchSql,
  type SearchSource,
  scoreSql,
  sourceSql,
  writtenTextSql,
} from './kind.ts'

/** Whether a post is out and the viewer may see it. */
const shown = (ctx: Pick<KindContext, 'now' | 'visibilities'>) =>
  sql`${liveSql(newsPosts, ctx.now)} and ${visibleSql(sql`${newsPosts.visibility}`, ctx.visibilities)}`

/** This kind's name in the statement and in search_phrase_vectors (migration 0023). */
const source = 'news'

/** News posts and press releases, at /news/<slug>. */
export const newsSource: SearchSource = {
  source,
  hits: (ctx) =>
    sql`select ${sourceSql(source)} as source, 'news' as kind, ${newsPosts.id} as id, ${newsPosts.title} as title,
        ${localDateSql(sql`${newsPosts.publishAt}`, ctx.timeZone)} as published_on,
        ${scoreSql(sql`${newsPosts.rankVector}`, ctx.rank)} as score
      from ${newsPosts} where ${matchSql(ctx, { vector: sql`${newsPosts.searchVector}`, source, id: sql`${newsPosts.id}` })} and ${shown(ctx)}`,
  path: (id) => sql`(select '/news/' || n.slug from news_posts n where n.id = ${id})`,
  text: (id) =>
    sql`(select ${writtenTextSql({ summary: sql`n.summary`, tags: sql`n.tags`, body: sql`n.body_markdown` })} from news_posts n where n.id = ${id})`,
  publicEntries: (ctx) =>
    sql`select '/news/' || ${newsPosts.slug} as path, ${newsPosts.updatedAt} as lastmod
      from ${newsPosts} where ${shown({ now: ctx.now, visibilities: ['public'] })}`,
}
