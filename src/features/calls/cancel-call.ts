/** Staff cancel a call (or change why it is cancelled). */
import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { calls } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { plural } from '#src/ui/format.ts'
import { callRefused, lockCall, refuseInvalid } from './call-change.ts'
import { checkCancelForm } from './call-forms.ts'
import type { CallView } from './call-view.ts'

/**
 * Cancels a call, or changes the reason of a cancelled one. A call that attendance is recorded
 * for took place: it cannot be cancelled.
 */
export async function cancelCall(
  db: Db,
  actor: Actor,
  options: { date: string; reason: string },
): Promise<CallView> {
  const { reason } = refuseInvalid(checkCancelForm({ reason: options.reason }))
  return writeAs(db, actor, async (tx) => {
    const call = await lockCall(tx, options.date)
    const [present] = await queryRows<{ n: number }>(
      tx,
      sql`select count(distinct person_id)::int as n from attendance where call_id = ${call.id}`,
    )
    if (present && present.n > 0)
      throw callRefused(
        null,
        `Attendance is recorded for this call (${present.n} ${plural(present.n, 'person', 'people')}): it took place, so it cannot be cancelled. Undo its roll call and attendance imports first.`,
      )
    await tx.update(calls).set({ status: 'cancelled', cancelReason: reason }).where(eq(calls.id, call.id))
    return { ...call, status: 'cancelled' as const, cancelReason: reason }
  })
}
