import { type SQL, sql } from 'drizzle-orm'
import { liveSql, visibleSql } from '#src/db/publication.ts'
import { sitePages } from '#src/db/schema/index.ts'
import {
  type KindContext,
  localDateSql,
  matchSql,
  type SearchSource,
  scoreSql,
  sourceSql,
  writtenTextSql,
} from './kind.ts'

type Rule = Pick<KindContext, 'now' | 'visibilities'>

/** The page whose id is `id` and every page above it, as rows of a recursive `chain` (depth 0: the page). */
const chainSql = (id: SQL) =>
  sql`with recursive chain (id, parent_id, slug, system_key, depth) as (
      select s.id, s.parent_id, s.slug, s.system_key, 0 from site_pages s where s.id = ${id}
      union all
      select s.id, s.parent_id, s.slug, s.system_key, chain.depth + 1 from site_pages s join chain on s.id = chain.parent_id
      where chain.depth < 20)`

/** The page's own rule: out, and visible to the viewer. */
const ownRuleSql = (rule: Rule) =>
  sql`${liveSql(sitePages, rule.now)} and ${visibleSql(sql`${sitePages.visibility}`, rule.visibilities)}`

/**
 * Whether a page is shown (the pages feature's rule): it and every page above it are out and
 * visible to the viewer; pages the Hub shows elsewhere (a system key) are not pages of their own,
 * except the home page. Inside the subquery, `site_pages` is each page above.
 */
const shownSql = (rule: Rule) =>
  sql`(${sitePages.systemKey} is null or ${sitePages.systemKey} = 'home') and ${ownRuleSql(rule)}
    and (${sitePages.parentId} is null or not exists (
      ${chainSql(sql`${sitePages.parentId}`)}
      select 1 from chain join site_pages on site_pages.id = chain.id where not (${ownRuleSql(rule)})))`

/** This kind's name in the statement and in search_phrase_vectors (migration 0023). */
const source = 'page'

/** The pages staff write: the address runs through the page's parents ('/about/board'); the home page is '/'. */
export const pageSource: SearchSource = {
  source,
  hits: (ctx) =>
    sql`select ${sourceSql(source)} as source, 'page' as kind, ${sitePages.id} as id, ${sitePages.title} as title,
        ${localDateSql(sql`${sitePages.publishAt}`, ctx.timeZone)} as published_on,
        ${scoreSql(sql`${sitePages.rankVector}`, ctx.rank)} as score
      from ${sitePages} where ${matchSql(ctx, { vector: sql`${sitePages.searchVector}`, source, id: sql`${sitePages.id}` })} and ${shownSql(ctx)}`,
  path: (id) =>
    sql`(${chainSql(id)}
      select case when bool_or(depth = 0 and system_key = 'home') then '/'
        else '/' || string_agg(slug, '/' order by depth desc) end from chain)`,
  text: (id) =>
    sql`(select ${writtenTextSql({ summary: sql`s.summary`, body: sql`s.body_markdown` })} from site_pages s where s.id = ${id})`,
  publicEntries: (ctx) =>
    sql`select ${pageSource.path(sql`${sitePages.id}`)} as path, ${sitePages.updatedAt} as lastmod
      from ${sitePages} where ${shownSql({ now: ctx.now, visibilities: ['public'] })}`,
}
