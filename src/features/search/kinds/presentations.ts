import { type SQL, sql } from 'drizzle-orm'
import { visibleSql } from '#src/db/publication.ts'
import type { ContentVisibility } from '#src/db/schema/index.ts'
import { presentations } from '#src/db/schema/index.ts'
import { listLineSql, matchSql, type SearchSource, scoreSql, sourceSql } from './kind.ts'

/** Whether a presentation was given (only those have an archive page) and the viewer may see it. */
const shown = (visibilities: readonly ContentVisibility[]) =>
  sql`${presentations.status} = 'given' and ${visibleSql(sql`${presentations.visibility}`, visibilities)}`

/** The archive page of a presentation: /presentations/<year>/<organisation's slug>. */
const pathOf = (year: SQL, orgSlug: SQL) => sql`'/presentations/' || ${year} || '/' || ${orgSlug}`

/** This kind's name in the statement and in search_phrase_vectors (migration 0023). */
const source = 'presentation'

/**
 * The archive of the annual presentations that were given. Their document is the title (A) and the
 * summary and topics (B), small and kept in the row: it is their rank vector too.
 */
export const presentationSource: SearchSource = {
  source,
  hits: (ctx) =>
    sql`select ${sourceSql(source)} as source, 'presentation' as kind, ${presentations.id} as id,
        coalesce(nullif(${presentations.title}, ''), o.name || ' (' || ${presentations.year} || ')') as title,
        c.local_date as published_on,
        ${scoreSql(sql`${presentations.searchVector}`, ctx.rank)} as score
      from ${presentations}
        join organizations o on o.id = ${presentations.organizationId}
        left join calls c on c.id = ${presentations.callId}
      where ${matchSql(ctx, { vector: sql`${presentations.searchVector}`, source, id: sql`${presentations.id}` })} and ${shown(ctx.visibilities)}`,
  path: (id) =>
    sql`(select ${pathOf(sql`p.year`, sql`o.slug`)} from presentations p
      join organizations o on o.id = p.organization_id where p.id = ${id})`,
  text: (id) =>
    sql`(select concat_ws(E'\n', p.summary, ${listLineSql('Topics', sql`p.topics`)}) from presentations p where p.id = ${id})`,
  publicEntries: () =>
    sql`select ${pathOf(sql`${presentations.year}`, sql`o.slug`)} as path, null::timestamptz as lastmod
      from ${presentations} join organizations o on o.id = ${presentations.organizationId}
      where ${shown(['public'])}`,
}
