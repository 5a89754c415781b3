/** The seat holders of a call's date with what the suggestions compare: names, emails, organisations. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import type { ImportRow } from './import-types.ts'
import { organizationsByDomain, type Suggestion, type SuggestionHolder, suggestMatches } from './suggest.ts'

/** Everyone holding a seat on `onDate` in an organisation admitted that day. */
export async function suggestionHolders(db: DbOrTx, onDate: string): Promise<SuggestionHolder[]> {
  const rows = await queryRows<{
    person_id: string
    full_name: string
    email: string
    role: 'representative' | 'alternate'
    organization_id: string
    name: string
    short_name: string | null
    slug: string
    website: string | null
  }>(
    db,
    sql`select s.person_id, p.full_name, p.email, s.role, o.id as organization_id, o.name, o.short_name,
        o.slug, o.website
      from seats s join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
      where s.starts_on <= ${onDate}::date and (s.ends_on is null or s.ends_on > ${onDate}::date)
        and ${isAdmittedSql(sql`o.id`, onDate)}
      order by o.name, s.role desc`,
  )
  return rows.map((r) => ({
    personId: r.person_id,
    fullName: r.full_name,
    email: r.email,
    role: r.role,
    organization: {
      id: r.organization_id,
      name: r.name,
      shortName: r.short_name,
      slug: r.slug,
      website: r.website,
    },
  }))
}

/** The ranked suggestions for each unmatched row of `rows` (those the review form shows), by position. */
export async function suggestionsFor(
  db: DbOrTx,
  onDate: string,
  rows: readonly ImportRow[],
): Promise<Map<number, Suggestion[]>> {
  const unmatched = rows.filter((r) => r.match === null)
  const found = new Map<number, Suggestion[]>()
  if (unmatched.length === 0) return found
  const holders = await suggestionHolders(db, onDate)
  const byDomain = organizationsByDomain(holders)
  for (const row of unmatched) found.set(row.position, suggestMatches(row, holders, { byDomain }))
  return found
}
