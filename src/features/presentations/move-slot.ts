import { sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { presentations } from '#src/db/schema/index.ts'
import { formatCallDate } from '#src/features/calls/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { refused } from '#src/lib/errors.ts'
import { callsOfYear, findPresentation, lockYear, noPresentation } from './find-presentations.ts'
import { DEFAULT_CAPACITY } from './plan.ts'
import { yearOf } from './slot-state.ts'

/**
 * Moves a presentation (planned, missed, or not yet planned) to the call on `callDate`: a
 * call of its year, from today on, not cancelled, with fewer than two presentations.
 */
export async function moveSlot(
  db: Db,
  actor: Actor,
  options: { presentationId: string; callDate: string; today: string },
): Promise<{ organization: OrganizationRef; callDate: string; previousCallDate: string | null }> {
  const found = await findPresentation(db, options.presentationId)
  if (!found) throw noPresentation()
  return writeAs(db, actor, async (tx) => {
    await lockYear(tx, found.year)
    const presentation = await findPresentation(tx, options.presentationId)
    if (!presentation) throw noPresentation()
    const when = formatCallDate(options.callDate)
    if (presentation.status === 'given')
      throw refused(
        null,
        `This presentation was given on ${formatCallDate(presentation.call?.date ?? '')}: a given presentation stays on its call.`,
      )
    const [call] = (await callsOfYear(tx, yearOf(options.callDate))).filter(
      (c) => c.date === options.callDate,
    )
    if (!call) throw refused('callDate', `No call is on ${when}.`)
    if (yearOf(call.date) !== presentation.year)
      throw refused(
        'callDate',
        `The call of ${when} is in ${yearOf(call.date)}; this presentation is for ${presentation.year}.`,
      )
    if (call.status === 'cancelled')
      throw refused('callDate', `The call of ${when} is cancelled: choose another call.`)
    if (call.date < options.today)
      throw refused('callDate', `The call of ${when} is over: choose a call from today on.`)
    if (presentation.call?.id === call.id && presentation.status === 'planned')
      throw refused('callDate', `The presentation is already on the call of ${when}.`)
    if (call.presentations >= DEFAULT_CAPACITY)
      throw refused(
        'callDate',
        `The call of ${when} already has ${DEFAULT_CAPACITY} presentations, the most a call takes: choose another call.`,
      )
    await tx
      .update(presentations)
      .set({ callId: call.id, status: 'planned', actualMinutes: null })
      .where(sql`${presentations.id} = ${presentation.id}`)
    // Only a planned slot leaves a call its holders knew of; a missed or requested one is planned anew.
    const previousCallDate = presentation.status === 'planned' ? (presentation.call?.date ?? null) : null
    return { organization: presentation.organization, callDate: call.date, previousCallDate }
  })
}
