/** Staff move a call to another date or start time. */
import { eq } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { calls } from '#src/db/schema/index.ts'
import { zonedTimeToUtc } from '#src/lib/time-zone.ts'
import {
  callRefused,
  isDateTaken,
  lockCall,
  noCall,
  notBeforeToday,
  refuseInvalid,
  refuseTakenDate,
  takenMessage,
} from './call-change.ts'
import { formatCallDate } from './call-format.ts'
import { checkMoveForm } from './call-forms.ts'
import { type CallView, findCall } from './call-view.ts'

/**
 * Moves a call to another date and/or start time, in its own time zone. The series date stays,
 * so the weekly series does not make that Monday's call again.
 */
export async function moveCall(
  db: Db,
  actor: Actor,
  options: { date: string; newDate: string; newStartTime: string; today: string },
): Promise<CallView> {
  const { date: newDate, startTime } = refuseInvalid(
    checkMoveForm({ date: options.newDate, startTime: options.newStartTime }),
  )
  try {
    return await writeAs(db, actor, async (tx) => {
      const call = await lockCall(tx, options.date)
      if (call.localDate < options.today)
        throw callRefused(
          null,
          `This call was on ${formatCallDate(call.localDate)}: a call in the past cannot be moved.`,
        )
      if (call.status === 'cancelled')
        throw callRefused(
          null,
          'This call is cancelled: reinstate it before moving it, or add an extra call instead.',
        )
      if (newDate === call.localDate && startTime === call.startTime)
        throw callRefused(
          'date',
          'The call is already on that date at that time: choose a new date or start time.',
        )
      notBeforeToday(newDate, options.today)
      await refuseTakenDate(tx, newDate, call.id)
      const startsAt = zonedTimeToUtc(newDate, startTime, call.timeZone)
      await tx.update(calls).set({ localDate: newDate, startTime, startsAt }).where(eq(calls.id, call.id))
      const moved = await findCall(tx, newDate)
      if (!moved) throw noCall(newDate)
      return moved
    })
  } catch (error) {
    if (isDateTaken(error)) throw callRefused('date', takenMessage(newDate))
    throw error
  }
}
