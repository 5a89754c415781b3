/** Who hears of a change to a call: the seat holders of the organisations admitted on its day. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { seatsHeldOnSql } from '#src/features/seats/index.ts'

/** A seat holder with an address, and the seats they hold (one person may hold several). */
export type CallChangeRecipient = {
  id: string
  fullName: string
  email: string
  seats: { role: SeatRole; organization: string }[]
}

/**
 * The people holding a representative or alternate seat, on any of `dates`, for an organisation
 * admitted that day, with an email address; by name. Whether they want the email is not asked here.
 */
export async function seatHoldersOnAny(db: DbOrTx, dates: readonly string[]): Promise<CallChangeRecipient[]> {
  const byPerson = new Map<string, CallChangeRecipient>()
  for (const date of new Set(dates)) {
    const rows = await queryRows<{
      id: string
      fullName: string
      email: string
      role: SeatRole
      organization: string
    }>(
      db,
      sql`select p.id::text as id, p.full_name as "fullName", p.email, s.role,
          coalesce(o.short_name, o.name) as organization
        from ${seatsHeldOnSql(date)} s
        join people p on p.id = s.person_id
        join organizations o on o.id = s.organization_id
        where trim(p.email) <> '' and ${isAdmittedSql(sql`o.id`, date)}
        order by p.full_name, p.id, s.role desc, organization`,
    )
    for (const { role, organization, ...person } of rows) {
      const found = byPerson.get(person.id) ?? { ...person, seats: [] }
      if (!found.seats.some((s) => s.role === role && s.organization === organization))
        found.seats.push({ role, organization })
      byPerson.set(person.id, found)
    }
  }
  return [...byPerson.values()].sort(
    (a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id),
  )
}
