import { createHash } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { holdsTermSql } from '#src/db/terms.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { seatsHeldOnSql } from '#src/features/seats/index.ts'

/** Who an announcement can go to (the value stored in announcements.audience). */
export const audiences = [
  'seat_holders',
  'representatives',
  'board',
  'category:member',
  'category:bff',
  'staff',
] as const
export type Audience = (typeof audiences)[number]

export const audienceLabels: Record<Audience, string> = {
  seat_holders: 'All seat holders (representatives and alternates)',
  representatives: 'Representatives only',
  board: 'The Advisory Board',
  'category:member': 'Members: their representatives and alternates',
  'category:bff': 'BFFs: their representatives and alternates',
  staff: 'Staff',
}

export const isAudience = (value: string): value is Audience =>
  (audiences as readonly string[]).includes(value)

/** One person an announcement is addressed to; `email` is '' for a person with no address. */
export type Recipient = { personId: string; fullName: string; email: string; why: string }

/** Whether an address can be written to (a person record may have none). */
export const hasAddress = (email: string): boolean => /^[^\s@]+@[^\s@]+$/.test(email.trim())

/** The seats held on `today` in organisations admitted that day, narrowed by `where`. */
const seatHoldersSql = (today: string, where: SQL) => sql`
  select p.id as "personId", p.full_name as "fullName", p.email,
    string_agg(distinct initcap(s.role::text) || ', ' || coalesce(o.short_name, o.name), '; ') as why
  from ${seatsHeldOnSql(today)} s join people p on p.id = s.person_id
    join organizations o on o.id = s.organization_id
  where ${isAdmittedSql(sql`o.id`, today)} and ${where}
  group by p.id, p.full_name, p.email`

/** People with a term (staff or board) on `today`. */
const termSql = (role: 'staff' | 'board', why: string, today: string) => sql`
  select p.id as "personId", p.full_name as "fullName", p.email, ${why} as why
  from people p where ${holdsTermSql(role, sql`p.id`, today)}`

const audienceSql = (audience: Audience, today: string): SQL => {
  switch (audience) {
    case 'seat_holders':
      return seatHoldersSql(today, sql`true`)
    case 'representatives':
      return seatHoldersSql(today, sql`s.role = 'representative'`)
    case 'category:member':
      return seatHoldersSql(today, sql`o.category = 'member'`)
    case 'category:bff':
      return seatHoldersSql(today, sql`o.category = 'bff'`)
    case 'board':
      return termSql('board', 'Advisory Board', today)
    case 'staff':
      return termSql('staff', 'Staff', today)
  }
}

/** Everyone in the audience on `today`, once each, by name. */
export async function recipientsOf(db: DbOrTx, audience: Audience, today: string): Promise<Recipient[]> {
  const rows = await queryRows<Recipient>(
    db,
    sql`select * from (${audienceSql(audience, today)}) r order by lower(r."fullName"), r."personId"`,
  )
  return rows.map((r) => ({ ...r, email: r.email.trim() }))
}

/**
 * A short digest of exactly who would receive it (people and addresses): the confirm page carries
 * it, and the send refuses when the audience changed in between.
 */
export const recipientsFingerprint = (recipients: readonly Recipient[]): string =>
  createHash('sha256')
    .update(
      recipients
        .map((r) => `${r.personId}:${r.email}`)
        .sort()
        .join('\n'),
    )
    .digest('base64url')
    .slice(0, 22)
