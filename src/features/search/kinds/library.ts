import { sql } from 'drizzle-orm'
import type { ContentVisibility } from '#src/db/schema/index.ts'
import { briefings } from '#src/db/schema/index.ts'
import { type SearchSource, scoreSql, visibleSql } from './kind.ts'

/** Whether a library item is published and the viewer may see it. */
const shown = (visibilities: readonly ContentVisibility[]) =>
  sql`${briefings.status} = 'published' and ${visibleSql(sql`${briefings.visibility}`, visibilities)}`

/** How much of the attachments' text a snippet is cut from (the match may be further in). */
const ATTACHMENT_SNIPPET_CHARS = 20000

/**
 * The library's briefings and resources, at /library/<slug>, found by their own text or by the
 * text extracted from their attachments (weight D).
 */
export const librarySource: SearchSource = {
  source: 'library',
  hits: (ctx) =>
    sql`select 'library' as source, ${briefings.kind} as kind, ${briefings.id} as id, ${briefings.title} as title,
        coalesce(${briefings.publishedOn}, ${briefings.approvedAt}::date, ${briefings.createdAt}::date) as published_on,
        greatest(${scoreSql(sql`${briefings.searchVector}`, ctx.query)},
          coalesce((select max(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}'::float4[], a.search_vector, ${ctx.query}, 32))
            from briefing_attachments a where a.briefing_id = ${briefings.id} and a.search_vector @@ ${ctx.query}), 0)) as score
      from ${briefings}
      where ${briefings.id} in (
          select b.id from briefings b where b.search_vector @@ ${ctx.query}
          union select a.briefing_id from briefing_attachments a where a.search_vector @@ ${ctx.query})
        and ${shown(ctx.visibilities)}`,
  path: (id) => sql`(select '/library/' || b.slug from briefings b where b.id = ${id})`,
  text: (id) =>
    sql`(select b.summary || E'\n' || b.body_markdown || E'\n' || coalesce((select left(string_agg(a.extracted_text,
        E'\n' order by a.position), ${ATTACHMENT_SNIPPET_CHARS}) from briefing_attachments a where a.briefing_id = b.id), '')
      from briefings b where b.id = ${id})`,
  publicEntries: () =>
    sql`select '/library/' || ${briefings.slug} as path, ${briefings.updatedAt} as lastmod
      from ${briefings} where ${shown(['public'])}`,
}
