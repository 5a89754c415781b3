import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { addDays } from '#src/lib/dates.ts'
import { formatDate } from '#src/ui/format.ts'
import type { OutcomePeriod } from './periods.ts'

/** An organisation as the outcome pages name it. */
export type OutcomeOrganization = { id: string; slug: string; name: string }

/** A designation's term, offered as a report's or a goal's period. */
export type DesignationTerm = { id: string; label: string; period: OutcomePeriod }

/** The organisation with this address, if any. */
export async function findOutcomeOrganization(
  db: DbOrTx,
  slug: string,
): Promise<OutcomeOrganization | undefined> {
  const [row] = await queryRows<OutcomeOrganization>(
    db,
    sql`select id, slug, name from organizations where slug = ${slug}`,
  )
  return row
}

/** These organisations (a seat holder's), by name. */
export async function organizationsWithIds(db: DbOrTx, ids: string[]): Promise<OutcomeOrganization[]> {
  if (ids.length === 0) return []
  return queryRows<OutcomeOrganization>(
    db,
    sql`select id, slug, name from organizations
      where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) order by name`,
  )
}

/** Every organisation, by name: staff act on behalf of any. */
export async function allOutcomeOrganizations(db: DbOrTx): Promise<OutcomeOrganization[]> {
  return queryRows<OutcomeOrganization>(db, sql`select id, slug, name from organizations order by name`)
}

/** Federal designation terms run two years when the record gives no end (IMCP's term). */
const DEFAULT_TERM_YEARS = 2

/**
 * The organisation's designation terms as periods: from the designation date to its end date,
 * or two years less a day when no end is recorded.
 */
export async function designationTerms(db: DbOrTx, organizationId: string): Promise<DesignationTerm[]> {
  const rows = await queryRows<{
    id: string
    code: string
    kind: string
    designated_on: string
    expires_on: string | null
  }>(
    db,
    sql`select d.id, p.code, d.kind, d.designated_on::text, d.expires_on::text
      from designations d join designation_programs p on p.id = d.program_id
      where d.organization_id = ${organizationId} order by d.designated_on`,
  )
  return rows.map((d) => {
    const start = d.designated_on
    const year = Number(start.slice(0, 4)) + DEFAULT_TERM_YEARS
    const anniversary = start.endsWith('-02-29') ? `${year}-03-01` : `${year}${start.slice(4)}`
    const end = d.expires_on ?? addDays(anniversary, -1)
    const how = d.expires_on ? '' : ' (two years: no end date is recorded)'
    return {
      id: d.id,
      label: `${d.code} ${d.kind}, ${formatDate(start)} to ${formatDate(end)}${how}`,
      period: { start, end, kind: 'designation', designationId: d.id },
    }
  })
}
