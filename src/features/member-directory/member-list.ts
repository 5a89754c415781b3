/**
 * Who represents each organisation admitted today: its representative and alternate with their
 * title and email. Members-only: the routes that read it require `content:members`.
 */
import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import type { OrganizationCategory, SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { admissionStateJoin } from '#src/features/admission/index.ts'
import { seatsHeldOnSql } from '#src/features/seats/index.ts'

export type MemberContact = { role: SeatRole; fullName: string; title: string | null; email: string }

export type MemberEntry = {
  name: string
  slug: string
  category: OrganizationCategory
  states: string[]
  representative: MemberContact | null
  alternate: MemberContact | null
}

/** The page's filters: a name (organisation or person) and a state. */
export const memberFiltersSchema = z.object({
  q: z.string().trim().max(200, 'Search with at most 200 characters.').optional().default(''),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, 'Choose a state by its two-letter code, such as OH.')
    .optional()
    .default(''),
})
export type MemberFilters = z.infer<typeof memberFiltersSchema>

type Row = {
  name: string
  slug: string
  category: OrganizationCategory
  states: string[]
  role: SeatRole | null
  full_name: string | null
  title: string | null
  email: string | null
}

/** The admitted organisations on `today` matching the filters, by name, each with its two seats. */
export async function listMembers(
  db: DbOrTx,
  options: { today: string; filters: MemberFilters },
): Promise<MemberEntry[]> {
  const { today, filters } = options
  const conditions: SQL[] = [sql`true`]
  if (filters.state) conditions.push(sql`${filters.state} = any(o.states)`)
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    conditions.push(sql`(o.name ilike ${like} or exists (select 1 from ${seatsHeldOnSql(today)} hs
      join people hp on hp.id = hs.person_id where hs.organization_id = o.id and hp.full_name ilike ${like}))`)
  }
  const rows = await queryRows<Row>(
    db,
    sql`select o.name, o.slug, o.category, o.states, s.role, p.full_name, p.title, p.email
      from organizations o ${admissionStateJoin(sql`o`, today)}
      left join ${seatsHeldOnSql(today)} s on s.organization_id = o.id
      left join people p on p.id = s.person_id
      where ${sql.join(conditions, sql` and `)}
      order by lower(o.name), o.slug, s.role desc`,
  )
  const entries = new Map<string, MemberEntry>()
  for (const row of rows) {
    let entry = entries.get(row.slug)
    if (!entry) {
      entry = { ...row, representative: null, alternate: null }
      entries.set(row.slug, entry)
    }
    if (row.role && row.full_name && row.email)
      entry[row.role] = { role: row.role, fullName: row.full_name, title: row.title, email: row.email }
  }
  return [...entries.values()]
}

/** The states of the organisations admitted on `today`, sorted: the choices of the state filter. */
export async function memberStates(db: DbOrTx, today: string): Promise<string[]> {
  const rows = await queryRows<{ state: string }>(
    db,
    sql`select distinct unnest(o.states) as state from organizations o ${admissionStateJoin(sql`o`, today)}
      order by 1`,
  )
  return rows.map((r) => r.state)
}

/** Every person of the list, representative first within each organisation. */
export const contactsOf = (entries: readonly MemberEntry[]): { org: MemberEntry; person: MemberContact }[] =>
  entries.flatMap((org) =>
    [org.representative, org.alternate].filter((p) => p !== null).map((person) => ({ org, person })),
  )
