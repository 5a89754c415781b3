import { type SQL, sql } from 'drizzle-orm'
import { holdsTermSql } from '#src/db/terms.ts'
import { seatsHeldOnSql } from '#src/features/seats/index.ts'

/** Whether person `p` holds `role` on `day`: a staff or board term, a seat, or an open application. */
export function hasRoleSql(
  role: 'staff' | 'board' | 'representative' | 'alternate' | 'applicant',
  day: string,
): SQL {
  if (role === 'staff' || role === 'board') return holdsTermSql(role, sql`p.id`, day)
  if (role === 'applicant')
    return sql`exists (select 1 from applications a where a.applicant_id = p.id
      and a.status in ('draft', 'submitted', 'needs_info', 'with_board'))`
  return sql`exists (select 1 from ${seatsHeldOnSql(day)} t where t.person_id = p.id and t.role = ${role})`
}

/** Whether person `p` has an address email can go to (the announcements' rule, in SQL). */
export const hasEmailSql = sql`trim(p.email) ~ '^[^[:space:]@]+@[^[:space:]@]+$'`

/**
 * Person `p`'s account, as one word: 'account' (signs in), 'invited' (a link still open),
 * 'expired' (links sent, none open now) or 'never' (never invited).
 */
export const accountStateSql = sql<'account' | 'invited' | 'expired' | 'never'>`case
  when p.user_id is not null then 'account'
  when exists (select 1 from invitations i where i.person_id = p.id and i.accepted_at is null
    and i.expires_at > hub_now()) then 'invited'
  when exists (select 1 from invitations i where i.person_id = p.id) then 'expired'
  else 'never' end`

export type AccountState = 'account' | 'invited' | 'expired' | 'never'

/** A timestamp as an ISO instant in UTC, the same text from both drivers. */
export const isoSql = (column: SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
