import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { liveSql, visibleSql } from '#src/db/publication.ts'
import { type ContentVisibility, newsPosts } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { DigestWeek } from '#src/lib/digest-week.ts'

/** One thing the digest lists: a news post, a briefing or a resource, and where to read it. */
export type DigestItem = {
  kind: 'news' | 'briefing' | 'resource'
  title: string
  summary: string
  path: string
  visibility: ContentVisibility
  /** The day it came out, in the network's zone. */
  day: string
}

/**
 * What came out in the digest's week that these visibilities may see (visibleTo of the reader):
 * news posts that are live now (liveSql) dated in the week, and library items published, dated
 * by their approval (the day they became readable), else their publication date.
 */
export function digestItems(
  db: DbOrTx,
  options: { week: DigestWeek; now: Date; timeZone: string; visibilities: readonly ContentVisibility[] },
): Promise<DigestItem[]> {
  const { week, timeZone } = options
  const newsDay = sql`(coalesce(news_posts.publish_at, news_posts.created_at) at time zone ${timeZone})::date`
  const libraryDay = sql`coalesce((b.approved_at at time zone ${timeZone})::date, b.published_on,
    (b.created_at at time zone ${timeZone})::date)`
  return queryRows<DigestItem>(
    db,
    sql`select * from (
        select 'news' as kind, news_posts.title, news_posts.summary, '/news/' || news_posts.slug as path,
          news_posts.visibility, ${newsDay}::text as day
        from news_posts
        where ${liveSql(newsPosts, options.now)} and ${visibleSql(sql`news_posts.visibility`, options.visibilities)}
          and ${newsDay} >= ${week.from}::date and ${newsDay} < ${week.until}::date
        union all
        select b.kind, b.title, b.summary, '/library/' || b.slug as path, b.visibility, ${libraryDay}::text as day
        from briefings b
        where b.status = 'published' and ${visibleSql(sql`b.visibility`, options.visibilities)}
          and ${libraryDay} >= ${week.from}::date and ${libraryDay} < ${week.until}::date
      ) items order by day, lower(title)`,
  )
}
