/** The history of an organisation's seats: every holding, and the check that keeps it consistent. */
import { desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { people, type SeatRole, seats } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { addDays } from '#src/lib/dates.ts'
import { refused } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import { type SeatPerson, seatWord } from './seat-holders.ts'

export type SeatHolding = {
  seatId: string
  role: SeatRole
  person: SeatPerson
  /** The first day held. */
  startsOn: string
  /** The first day no longer held (exclusive); null while still held. */
  endsOn: string | null
}

/** Every holding of the organisation's seats, newest first (by first day, representative first). */
export async function seatHistory(db: DbOrTx, organizationId: string): Promise<SeatHolding[]> {
  const rows = await db
    .select({
      seatId: seats.id,
      role: seats.role,
      personId: people.id,
      fullName: people.fullName,
      email: people.email,
      startsOn: seats.startsOn,
      endsOn: seats.endsOn,
    })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .where(eq(seats.organizationId, organizationId))
    .orderBy(desc(seats.startsOn), seats.role, seats.id)
  return rows.map((r) => ({
    seatId: r.seatId,
    role: r.role,
    person: { id: r.personId, fullName: r.fullName, email: r.email },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
  }))
}

/** The last day a holding covers (its end is exclusive), or null while it is open. */
export const lastDayHeld = (holding: { endsOn: string | null }): string | null =>
  holding.endsOn ? addDays(holding.endsOn, -1) : null

/**
 * Checks, inside the transaction, that no two holdings of one seat overlap and that nobody
 * holds both seats of the organisation on the same day; throws (rolling back) otherwise.
 */
export async function assertSeatHistoryConsistent(tx: DbOrTx, organizationId: string): Promise<void> {
  const [overlap] = await queryRows<{ role: SeatRole; first: string; second: string; from_date: string }>(
    tx,
    sql`select a.role, pa.full_name as first, pb.full_name as second,
        greatest(a.starts_on, b.starts_on)::text as from_date
      from seats a
      join seats b on b.organization_id = a.organization_id and b.id <> a.id
        and daterange(a.starts_on, a.ends_on) && daterange(b.starts_on, b.ends_on)
        and (b.role = a.role and a.id < b.id or b.role <> a.role and b.person_id = a.person_id and a.role = 'representative')
      join people pa on pa.id = a.person_id
      join people pb on pb.id = b.person_id
      where a.organization_id = ${organizationId}
      limit 1`,
  )
  if (!overlap) return
  const message =
    overlap.first === overlap.second
      ? `${overlap.first} would hold both seats from ${formatDate(overlap.from_date)}: one person holds one seat.`
      : `${overlap.first} and ${overlap.second} would both hold the ${seatWord[overlap.role]} seat from ${formatDate(overlap.from_date)}.`
  throw refused(null, `The seat history would overlap, so nothing was changed. ${message}`)
}
