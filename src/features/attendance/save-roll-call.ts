import { sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError } from '#src/lib/errors.ts'
import { callColumns, holdersOn } from './load-roll-call.ts'
import { checkTicked, type RollCallCall, rollCallRefusal } from './roll-call.ts'

// A roll call the records refuse (a cancelled or future call, someone who held no seat that day) is an AppError BAD_INPUT (400).
/**
 * Replaces the call's roll call in one transaction recorded against `actor`: the people in
 * `presentIds` are present for the whole call (seconds = its length), every other roll-call row
 * of the call goes. Rows from imports are never touched; a demo row of a ticked person becomes
 * their roll-call row (a person has one direct row a call). Re-checks, inside the transaction,
 * that the call may take a roll call and that everyone ticked held a seat that day.
 */
export async function saveRollCall(
  db: Db,
  actor: Actor,
  options: { callId: string; presentIds: readonly string[]; today: string },
): Promise<{ present: number }> {
  return writeAs(db, actor, async (tx) => {
    // One roll call of a call at a time: a second save waits, then replaces this one.
    const [call] = await queryRows<RollCallCall>(
      tx,
      sql`select ${callColumns} from calls where id = ${options.callId} for update`,
    )
    if (!call) throw new AppError('BAD_INPUT', { userMessage: 'The call no longer exists.' })
    const refusal = rollCallRefusal(call, options.today)
    if (refusal) throw new AppError('BAD_INPUT', { userMessage: refusal })
    const holders = await holdersOn(tx, call.localDate)
    const checked = checkTicked(options.presentIds, new Set(holders.map((h) => h.personId)))
    if (!checked.ok) throw new AppError('BAD_INPUT', { userMessage: checked.message })
    const seconds = call.durationMinutes * 60
    const ids = checked.ids
    await tx.execute(
      sql`delete from attendance where call_id = ${call.id} and import_id is null and source = 'roll_call'
        ${
          ids.length > 0
            ? sql`and person_id not in (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql``
        }`,
    )
    if (ids.length > 0)
      await tx.execute(
        sql`insert into attendance (call_id, person_id, seconds, source)
          values ${sql.join(
            ids.map((personId) => sql`(${call.id}::uuid, ${personId}::uuid, ${seconds}, 'roll_call')`),
            sql`, `,
          )}
          on conflict (call_id, person_id) where import_id is null do update
            set seconds = excluded.seconds, source = excluded.source, first_join = null, last_leave = null
            where attendance.source <> 'roll_call' or attendance.seconds <> excluded.seconds`,
      )
    return { present: ids.length }
  })
}
