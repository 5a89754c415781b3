/** Staff put a cancelled call back on the calendar. */
import { eq } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { calls } from '#src/db/schema/index.ts'
import { callRefused, lockCall } from './call-change.ts'
import type { CallView } from './call-view.ts'

/** Puts a cancelled call back on the calendar, at its date and time. */
export async function reinstateCall(
  db: Db,
  actor: Actor,
  options: { date: string; today: string },
): Promise<CallView> {
  return writeAs(db, actor, async (tx) => {
    const call = await lockCall(tx, options.date)
    if (call.status !== 'cancelled')
      throw callRefused(null, 'This call is not cancelled: there is nothing to reinstate.')
    await tx.update(calls).set({ status: 'scheduled', cancelReason: null }).where(eq(calls.id, call.id))
    return { ...call, status: 'scheduled', cancelReason: null }
  })
}
