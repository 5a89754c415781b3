import { eq } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { seatRoles, seats } from '#src/db/schema/index.ts'
import { refused } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import {
  covers,
  type Holding,
  holdingsOf,
  lockOrganization,
  refuseIfNotDate,
  refuseIfWithdrawn,
} from './seat-change.ts'
import { assertSeatHistoryConsistent } from './seat-history.ts'
import { seatWord } from './seat-holders.ts'

/**
 * Exchanges the representative and the alternate from `effectiveOn` (today or later), in one
 * transaction: both holdings end on that date and two new ones start on it with the roles swapped.
 */
export async function swapSeats(
  db: Db,
  actor: Actor,
  options: { organizationId: string; effectiveOn: string; today: string },
): Promise<{ representative: string; alternate: string }> {
  const { organizationId, effectiveOn, today } = options
  refuseIfNotDate(effectiveOn)
  return writeAs(db, actor, async (tx) => {
    await lockOrganization(tx, organizationId)
    await refuseIfWithdrawn(tx, organizationId, effectiveOn)
    const held: Holding[] = []
    for (const role of seatRoles) {
      const latest = (await holdingsOf(tx, organizationId, role)).at(-1)
      if (latest && effectiveOn <= latest.starts_on)
        throw refused(
          'effectiveOn',
          `${latest.full_name} took the ${seatWord[role]} seat on ${formatDate(latest.starts_on)}: a swap must take effect after that day.`,
        )
      if (!latest || !covers(latest, effectiveOn))
        throw refused(
          'effectiveOn',
          `Nobody holds the ${seatWord[role]} seat on ${formatDate(effectiveOn)}, so there is nothing to swap: hand the seat over instead.`,
        )
      held.push(latest)
    }
    const [representative, alternate] = held as [Holding, Holding]
    if (effectiveOn < today)
      throw refused(
        'effectiveOn',
        `${representative.full_name} and ${alternate.full_name} held their seats on ${formatDate(effectiveOn)}: a swap cannot change who held them on past days. Use today or a later date.`,
      )
    for (const holding of held)
      await tx.update(seats).set({ endsOn: effectiveOn }).where(eq(seats.id, holding.id))
    await tx.insert(seats).values([
      {
        organizationId,
        role: 'representative',
        personId: alternate.person_id,
        startsOn: effectiveOn,
        endsOn: representative.ends_on,
      },
      {
        organizationId,
        role: 'alternate',
        personId: representative.person_id,
        startsOn: effectiveOn,
        endsOn: alternate.ends_on,
      },
    ])
    await assertSeatHistoryConsistent(tx, organizationId)
    return { representative: alternate.full_name, alternate: representative.full_name }
  })
}
