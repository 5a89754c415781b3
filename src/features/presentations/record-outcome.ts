import { sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { presentations } from '#src/db/schema/index.ts'
import { formatCallDate } from '#src/features/calls/index.ts'
import { refused } from '#src/lib/errors.ts'
import { findPresentation, noPresentation, type PresentationRow } from './find-presentations.ts'

export type Outcome = { outcome: 'given'; actualMinutes: number } | { outcome: 'missed' }

/** Records, once its call is held, that the presentation was given (with its length) or missed; staff may correct it. */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  options: { presentationId: string; today: string } & Outcome,
): Promise<PresentationRow> {
  return writeAs(db, actor, async (tx) => {
    const presentation = await findPresentation(tx, options.presentationId)
    if (!presentation) throw noPresentation()
    const call = presentation.call
    if (!call || presentation.status === 'requested')
      throw refused(null, 'This presentation has no call yet: plan or move it to a call first.')
    if (call.status === 'cancelled')
      throw refused(
        null,
        `Its call, ${formatCallDate(call.date)}, was cancelled: move the presentation to another call.`,
      )
    if (call.date >= options.today)
      throw refused(
        null,
        `Its call, ${formatCallDate(call.date)}, has not been held yet: record how it went after the call.`,
      )
    const actualMinutes = options.outcome === 'given' ? options.actualMinutes : null
    await tx
      .update(presentations)
      .set({ status: options.outcome, actualMinutes })
      .where(sql`${presentations.id} = ${presentation.id}`)
    return { ...presentation, status: options.outcome, actualMinutes }
  })
}
