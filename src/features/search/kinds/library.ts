import { sql } from 'drizzle-orm'
import { visibleSql } from '#src/db/publication.ts'
import type { ContentVisibility } from '#src/db/schema/index.ts'
import { briefings } from '#src/db/schema/index.ts'
import { phraseFoundSql, type SearchSource, scoreSql, sourceSql, writtenTextSql } from './kind.ts'

/** Whether a library item is published and the viewer may see it. */
const shown = (visibilities: readonly ContentVisibility[]) =>
  sql`${briefings.status} = 'published' and ${visibleSql(sql`${briefings.visibility}`, visibilities)}`

/** How much of the attachments' text a snippet is cut from (the match may be further in). */
const ATTACHMENT_SNIPPET_CHARS = 20000

/** This kind's name in the statement and in search_phrase_vectors, where its attachments' copies are 'attachment' (migration 0023). */
const source = 'library'

/**
 * The library's briefings and resources, at /library/<slug>, found by their own text or by the
 * text extracted from their attachments (weight D).
 */
export const librarySource: SearchSource = {
  source,
  // Each item once, found by its own document or an attachment's, scored by its title and summary.
  // The attachments' matches are an array of ids the primary key's index reads, so both halves
  // are one bitmap over the table (a BitmapOr), not a union sorted and joined back row by row.
  hits: (ctx) =>
    sql`select ${sourceSql(source)} as source, ${briefings.kind} as kind, ${briefings.id} as id, ${briefings.title} as title,
        coalesce(${briefings.publishedOn}, ${briefings.approvedAt}::date, ${briefings.createdAt}::date) as published_on,
        ${scoreSql(sql`${briefings.rankVector}`, ctx.rank)} as score
      from ${briefings}
      where (${briefings.searchVector} @@ ${ctx.loose} or ${briefings.id} = any(array(
          select a.briefing_id from briefing_attachments a where a.search_vector @@ ${ctx.loose})))
        and ${phraseFoundSql(ctx, sql`${briefings.id}`, [source, 'attachment'])}
        and ${shown(ctx.visibilities)}`,
  path: (id) => sql`(select '/library/' || b.slug from briefings b where b.id = ${id})`,
  text: (id) =>
    sql`(select ${writtenTextSql({
      summary: sql`b.summary`,
      tags: sql`b.tags`,
      body: sql`b.body_markdown`,
      more: sql`(select left(string_agg(a.extracted_text, E'\n' order by a.position), ${ATTACHMENT_SNIPPET_CHARS})
        from briefing_attachments a where a.briefing_id = b.id)`,
    })} from briefings b where b.id = ${id})`,
  publicEntries: () =>
    sql`select '/library/' || ${briefings.slug} as path, ${briefings.updatedAt} as lastmod
      from ${briefings} where ${shown(['public'])}`,
}
