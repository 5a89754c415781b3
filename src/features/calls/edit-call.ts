/** Staff edit what members read about a call, and attach briefings to it. */
import { and, eq, inArray, isNull, ne, notInArray, or } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { briefings, calls } from '#src/db/schema/index.ts'
import { lockCall, noCall, refuseInvalid } from './call-change.ts'
import { checkEditForm, type EditForm } from './call-forms.ts'
import { type CallView, findCall } from './call-view.ts'

/** Changes a call's title, agenda, notes, recording link, join link and dial-in (empty: the series'), and which briefings are attached to it. */
export async function editCall(
  db: Db,
  actor: Actor,
  options: { date: string } & EditForm,
): Promise<CallView> {
  const { title, agenda, notes, recordingUrl, joinUrl, dialIn } = options
  const form = refuseInvalid(
    checkEditForm({ title, agenda, notes, recordingUrl, joinUrl, dialIn }, options.briefingIds),
  )
  return writeAs(db, actor, async (tx) => {
    const call = await lockCall(tx, options.date)
    const orNull = (s: string) => (s === '' ? null : s)
    await tx
      .update(calls)
      .set({
        title: orNull(form.title),
        agenda: orNull(form.agenda),
        notes: orNull(form.notes),
        recordingUrl: orNull(form.recordingUrl),
        joinUrl: orNull(form.joinUrl),
        dialIn: orNull(form.dialIn),
      })
      .where(eq(calls.id, call.id))
    const ids = form.briefingIds
    await tx
      .update(briefings)
      .set({ callId: null })
      .where(and(eq(briefings.callId, call.id), ids.length > 0 ? notInArray(briefings.id, ids) : undefined))
    if (ids.length > 0)
      await tx
        .update(briefings)
        .set({ callId: call.id })
        .where(and(inArray(briefings.id, ids), or(isNull(briefings.callId), ne(briefings.callId, call.id))))
    const edited = await findCall(tx, call.localDate)
    if (!edited) throw noCall(call.localDate)
    return edited
  })
}
