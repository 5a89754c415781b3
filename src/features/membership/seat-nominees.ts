import type { Tx } from '#src/db/client.ts'
import { seats } from '#src/db/schema/index.ts'
import { findOrRecordPerson, insertInvitation } from '#src/features/auth/index.ts'
import { nomineeRows } from './nominees.ts'
import type { NomineeSeat } from './types.ts'

/** A seat invitation recorded on admission, with what its email needs (sent after the commit). */
export type SeatInvitation = {
  seat: NomineeSeat
  fullName: string
  email: string
  token: string
  /** The nominee already signs in (another seat, staff, the board): they accept signed in, not with a new password. */
  hasAccount: boolean
}

/**
 * Seats the application's nominees, inside the admission's transaction: each becomes a person
 * (or the person on record with that email, in any case, is reused), holds their seat from
 * `startsOn`, and gets an invitation to the seat. A nominee without a name or an email (an
 * application submitted before nominations were asked for) is left out: the seat stays vacant.
 */
export async function seatNominees(
  tx: Tx,
  options: { organizationId: string; nominees: unknown; startsOn: string; invitedBy: string | null },
): Promise<SeatInvitation[]> {
  const invited: SeatInvitation[] = []
  for (const nominee of nomineeRows(options.nominees)) {
    const email = nominee.email.trim()
    if (email === '' || nominee.fullName.trim() === '') continue
    const { person, hasAccount } = await findOrRecordPerson(tx, {
      fullName: nominee.fullName,
      email,
      title: nominee.title,
      organizationId: options.organizationId,
    })
    const [seat] = await tx
      .insert(seats)
      .values({
        organizationId: options.organizationId,
        role: nominee.seat,
        personId: person.id,
        startsOn: options.startsOn,
      })
      .returning({ id: seats.id })
    if (!seat) throw new Error('the seat was not recorded')
    const { token } = await insertInvitation(tx, {
      personId: person.id,
      invitedBy: options.invitedBy,
      seatId: seat.id,
    })
    invited.push({ seat: nominee.seat, fullName: person.fullName, email: person.email, token, hasAccount })
  }
  return invited
}
