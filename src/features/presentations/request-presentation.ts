import { sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { presentations } from '#src/db/schema/index.ts'
import { formatCallDate } from '#src/features/calls/index.ts'
import { refused } from '#src/lib/errors.ts'
import { lockYear, presentationsOf } from './find-presentations.ts'
import { slotState } from './slot-state.ts'

export type RequestResult = { state: 'requested' | 'planned'; callDate: string | null }

/**
 * Records the month (null: any month) and title an organisation asks for. A presentation
 * already planned on an upcoming call keeps its slot (staff may move it to the month asked
 * for); one given, missed or whose call is over can no longer change.
 */
export async function requestPresentation(
  db: Db,
  actor: Actor,
  options: {
    organizationId: string
    year: number
    requestedMonth: number | null
    title: string | null
    today: string
  },
): Promise<RequestResult> {
  return writeAs(db, actor, async (tx) => {
    await lockYear(tx, options.year)
    const current = (await presentationsOf(tx, options.organizationId, [options.year])).get(options.year)
    if (current) {
      const state = slotState(current, current.call, options.today)
      if (state === 'given' || state === 'missed' || state === 'awaiting')
        throw refused(
          null,
          state === 'awaiting'
            ? `The presentation’s call, ${formatCallDate(current.call?.date ?? '')}, is over: staff record how it went, and the request can no longer change.`
            : `The ${options.year} presentation is recorded as ${state}: the request can no longer change.`,
        )
      await tx
        .update(presentations)
        .set({ requestedMonth: options.requestedMonth, title: options.title })
        .where(sql`${presentations.id} = ${current.id}`)
      return state === 'planned'
        ? { state: 'planned', callDate: current.call?.date ?? null }
        : { state: 'requested', callDate: null }
    }
    await tx.insert(presentations).values({
      organizationId: options.organizationId,
      year: options.year,
      requestedMonth: options.requestedMonth,
      title: options.title,
      status: 'requested',
    })
    return { state: 'requested', callDate: null }
  })
}
