import { asc } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { people } from '#src/db/schema/index.ts'
import { seatLabels } from '#src/features/seats/index.ts'
import { seatsOn } from './matching.ts'

/** People staff can pick when matching by hand: seat holders on the date first, then everyone else. */
export async function matchCandidates(
  db: DbOrTx,
  onDate: string,
): Promise<{ id: string; fullName: string; email: string; seatLabel: string | null }[]> {
  const seats = await seatsOn(db, onDate)
  const everyone = await db
    .select({ id: people.id, fullName: people.fullName, email: people.email })
    .from(people)
    .orderBy(asc(people.fullName), asc(people.email))
  const label = (id: string) => {
    const held = seats.get(id)
    return held?.length ? held.map((s) => `${seatLabels[s.role]}, ${s.organizationName}`).join('; ') : null
  }
  const withLabels = everyone.map((p) => ({ ...p, seatLabel: label(p.id) }))
  return [
    ...withLabels.filter((p) => p.seatLabel !== null),
    ...withLabels.filter((p) => p.seatLabel === null),
  ]
}
