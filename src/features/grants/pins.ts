/**
 * Pins: staff put a funding opportunity on a call or a library item, for everyone or for members
 * only. Who sees a pin is the content rule (`visibleTo`): a members-only pin never reaches a
 * visitor, whatever page it is on.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { briefings, calls, grantOpportunities, grantPins } from '#src/db/schema/index.ts'
import { notFound } from '#src/http/errors.ts'
import type { Editor } from '#src/http/viewer.ts'
import { AppError } from '#src/lib/errors.ts'

export type PinVisibility = 'public' | 'members'

/** One pin as pages show it: the opportunity's key facts, where it is pinned, who may see it, why. */
export type Pin = {
  id: string
  opportunityId: string
  title: string
  agencyName: string | null
  agencyCode: string | null
  kind: 'synopsis' | 'forecast'
  closeDate: string | null
  estimatedCloseDate: string | null
  visibility: PinVisibility
  note: string | null
  callDate: string | null
  briefingSlug: string | null
  briefingTitle: string | null
}

const pinColumns = {
  id: grantPins.id,
  opportunityId: grantPins.opportunityId,
  title: grantOpportunities.title,
  agencyName: grantOpportunities.agencyName,
  agencyCode: grantOpportunities.agencyCode,
  kind: grantOpportunities.kind,
  closeDate: grantOpportunities.closeDate,
  estimatedCloseDate: grantOpportunities.estimatedCloseDate,
  visibility: grantPins.visibility,
  note: grantPins.note,
  callDate: calls.localDate,
  briefingSlug: briefings.slug,
  briefingTitle: briefings.title,
}

function selectPins(db: DbOrTx, where: SQL | undefined): Promise<Pin[]> {
  return db
    .select(pinColumns)
    .from(grantPins)
    .innerJoin(grantOpportunities, eq(grantOpportunities.opportunityId, grantPins.opportunityId))
    .leftJoin(calls, eq(calls.id, grantPins.callId))
    .leftJoin(briefings, eq(briefings.id, grantPins.briefingId))
    .where(where)
    .orderBy(asc(grantOpportunities.closeDate), asc(grantOpportunities.title), asc(grantPins.id))
}

/** The pins of a call or a library item that these audiences may see (`visibleTo(viewer)`). */
export function pinsOn(
  db: DbOrTx,
  place: { callId: string } | { briefingId: string },
  visibilities: readonly PinVisibility[],
): Promise<Pin[]> {
  const at =
    'callId' in place ? eq(grantPins.callId, place.callId) : eq(grantPins.briefingId, place.briefingId)
  return selectPins(db, and(at, inArray(grantPins.visibility, [...visibilities])))
}

/** Every pin of one opportunity (its page answers members only). */
export function pinsOfOpportunity(db: DbOrTx, opportunityId: string): Promise<Pin[]> {
  return selectPins(db, eq(grantPins.opportunityId, opportunityId))
}

/** The library items staff may pin to, by title (drafts and pending items too: they are prepared ahead). */
export function libraryChoices(db: DbOrTx) {
  return db
    .select({
      id: briefings.id,
      title: briefings.title,
      status: briefings.status,
      visibility: briefings.visibility,
    })
    .from(briefings)
    .orderBy(asc(briefings.title), desc(briefings.id))
}

export type PinInput = {
  place: { callDate: string } | { briefingId: string }
  visibility: PinVisibility
  note: string | null
}

/**
 * Pins an opportunity to a call (by its date) or a library item; pinning it again to the same
 * place changes the pin's visibility and note. Returns whether a pin was added or changed.
 */
export async function pinOpportunity(
  db: Db,
  editor: Editor,
  opportunityId: string,
  input: PinInput,
): Promise<'added' | 'changed'> {
  return writeAs(db, editor.actor, async (tx) => {
    const [opportunity] = await tx
      .select({ id: grantOpportunities.opportunityId })
      .from(grantOpportunities)
      .where(eq(grantOpportunities.opportunityId, opportunityId))
    if (!opportunity) throw notFound('No opportunity has that number in the Hub.')
    const place = await placeOf(tx, input.place)
    const at = place.callId
      ? eq(grantPins.callId, place.callId)
      : eq(grantPins.briefingId, place.briefingId ?? '')
    const [kept] = await tx
      .select({ id: grantPins.id })
      .from(grantPins)
      .where(and(eq(grantPins.opportunityId, opportunityId), at))
    if (kept) {
      await tx
        .update(grantPins)
        .set({ visibility: input.visibility, note: input.note })
        .where(eq(grantPins.id, kept.id))
      return 'changed'
    }
    await tx.insert(grantPins).values({
      opportunityId,
      ...place,
      visibility: input.visibility,
      note: input.note,
      pinnedBy: editor.personId,
    })
    return 'added'
  })
}

async function placeOf(
  tx: DbOrTx,
  place: PinInput['place'],
): Promise<{ callId: string; briefingId: null } | { callId: null; briefingId: string }> {
  if ('callDate' in place) {
    const [call] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.localDate, place.callDate))
    if (!call)
      throw new AppError('BAD_INPUT', {
        userMessage: 'There is no call on that date. Choose the date of a call on the calendar.',
        field: 'callDate',
      })
    return { callId: call.id, briefingId: null }
  }
  const [item] = await tx
    .select({ id: briefings.id })
    .from(briefings)
    .where(eq(briefings.id, place.briefingId))
  if (!item) throw new AppError('BAD_INPUT', { userMessage: 'Choose a library item.', field: 'briefingId' })
  return { callId: null, briefingId: item.id }
}

/** Takes a pin off; false when the opportunity has no such pin. */
export async function unpin(db: Db, editor: Editor, opportunityId: string, pinId: string): Promise<boolean> {
  const removed = await writeAs(db, editor.actor, (tx) =>
    tx
      .delete(grantPins)
      .where(and(eq(grantPins.id, pinId), eq(grantPins.opportunityId, opportunityId)))
      .returning({ id: grantPins.id }),
  )
  return removed.length > 0
}
