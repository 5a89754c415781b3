import { type SQL, sql } from 'drizzle-orm'

const termTables = { staff: sql.raw('staff_members'), board: sql.raw('board_members') } as const

/**
 * Whether `person` (an SQL expression for a person's id) holds a staff or Advisory Board term on
 * `day`: one started on or before it and not ended by it. The one rule of a term in force.
 */
export const holdsTermSql = (role: keyof typeof termTables, person: SQL, day: string): SQL =>
  sql`exists (select 1 from ${termTables[role]} t where t.person_id = ${person}
    and t.starts_on <= ${day}::date and (t.ends_on is null or t.ends_on > ${day}::date))`
