/** Who holds an organisation's representative and alternate seats on a date. */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { people, type SeatRole, seatRoles, seats } from '#src/db/schema/index.ts'

export const seatLabels: Record<SeatRole, string> = {
  representative: 'Representative',
  alternate: 'Alternate',
}
export const seatWord: Record<SeatRole, string> = { representative: 'representative', alternate: 'alternate' }
export const otherSeat = (role: SeatRole): SeatRole =>
  role === 'representative' ? 'alternate' : 'representative'

export type SeatPerson = { id: string; fullName: string; email: string }

/** The one rule of a seat held on `onDate`: started on or before it, not yet ended (ends_on is exclusive). */
const heldOn = (onDate: string) =>
  sql`${seats.startsOn} <= ${onDate}::date and (${seats.endsOn} is null or ${seats.endsOn} > ${onDate}::date)`

/**
 * The seats held on `onDate`, as a subquery to select from with an alias.
 * @example sql`select s.person_id from ${seatsHeldOnSql(today)} s join people p on p.id = s.person_id`
 */
export const seatsHeldOnSql = (onDate: string): SQL => sql`(select * from ${seats} where ${heldOn(onDate)})`

/** Who held the organisation's representative or alternate seat on `onDate`, or null when nobody did. */
export async function seatHolderOn(
  db: DbOrTx,
  options: { organizationId: string; role: SeatRole; onDate: string },
): Promise<SeatPerson | null> {
  const [row] = await db
    .select({ id: people.id, fullName: people.fullName, email: people.email })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .where(
      and(
        eq(seats.organizationId, options.organizationId),
        eq(seats.role, options.role),
        heldOn(options.onDate),
      ),
    )
    .orderBy(desc(seats.startsOn))
    .limit(1)
  return row ?? null
}

/** Both seats' holders on `onDate` (null for a vacant seat). */
export async function seatHoldersOn(
  db: DbOrTx,
  organizationId: string,
  onDate: string,
): Promise<Record<SeatRole, SeatPerson | null>> {
  const [representative, alternate] = await Promise.all(
    seatRoles.map((role) => seatHolderOn(db, { organizationId, role, onDate })),
  )
  return { representative: representative ?? null, alternate: alternate ?? null }
}

/** The organisations whose representative seat this person holds on `onDate`. */
export async function representativeOf(
  db: DbOrTx,
  personId: string | null,
  onDate: string,
): Promise<string[]> {
  if (!personId) return []
  const rows = await db
    .select({ organizationId: seats.organizationId })
    .from(seats)
    .where(and(eq(seats.personId, personId), eq(seats.role, 'representative'), heldOn(onDate)))
  return rows.map((r) => r.organizationId)
}
