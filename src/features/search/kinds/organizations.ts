import { sql } from 'drizzle-orm'
import { organizations } from '#src/db/schema/index.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { listLineSql, matchSql, type SearchSource, scoreSql, sourceSql } from './kind.ts'

/** This kind's name in the statement and in search_phrase_vectors (migration 0023). */
const source = 'organization'

/**
 * Organisations' public profiles, at /organizations/<slug>. The directory and the profile show an
 * organisation while it is admitted (the one rule of admission, from the admission feature);
 * profiles are public, so visibility does not apply. Their document is small and kept in the row (name
 * A, summary and industries B, lead organisation C): it is their rank vector too.
 */
export const organizationSource: SearchSource = {
  source,
  hits: (ctx) =>
    sql`select ${sourceSql(source)} as source, 'organization' as kind, ${organizations.id} as id,
        ${organizations.name} as title, null::date as published_on,
        ${scoreSql(sql`${organizations.searchVector}`, ctx.rank)} as score
      from ${organizations}
      where ${matchSql(ctx, { vector: sql`${organizations.searchVector}`, source, id: sql`${organizations.id}` })} and ${isAdmittedSql(sql`${organizations.id}`, ctx.today)}`,
  path: (id) => sql`(select '/organizations/' || o.slug from organizations o where o.id = ${id})`,
  text: (id) =>
    sql`(select concat_ws(E'\n', o.summary, 'Led by ' || nullif(o.lead_organization, '') || '.',
        ${listLineSql('Focus industries', sql`o.focus_industries`)})
      from organizations o where o.id = ${id})`,
  publicEntries: (ctx) =>
    sql`select '/organizations/' || ${organizations.slug} as path, ${organizations.updatedAt} as lastmod
      from ${organizations} where ${isAdmittedSql(sql`${organizations.id}`, ctx.today)}`,
}
