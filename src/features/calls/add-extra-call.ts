/** Staff add a call outside the weekly series. */
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { calls } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { zonedTimeToUtc } from '#src/lib/time-zone.ts'
import {
  callRefused,
  noCall,
  pastNeedsReason,
  refuseInvalid,
  refuseTakenDate,
  takenMessage,
} from './call-change.ts'
import { checkNewCallForm } from './call-forms.ts'
import { type CallView, findCall } from './call-view.ts'

/**
 * Adds a call outside the weekly series, in the network's time zone, on a day that has none;
 * a day before today only with the reason it is added afterwards (kept for staff).
 */
export async function addExtraCall(
  db: Db,
  actor: Actor,
  options: {
    date: string
    startTime: string
    durationMinutes?: number
    title: string
    /** Required for a day before today: why the call is added afterwards. */
    addedReason?: string
    today: string
  },
): Promise<CallView> {
  const settings = await getSettings(db)
  const form = refuseInvalid(
    checkNewCallForm(
      {
        date: options.date,
        startTime: options.startTime,
        durationMinutes: options.durationMinutes === undefined ? '' : String(options.durationMinutes),
        title: options.title,
        addedReason: options.addedReason ?? '',
      },
      { durationMinutes: settings.callDurationMinutes },
    ),
  )
  pastNeedsReason(form.date, options.today, form.addedReason)
  return writeAs(db, actor, async (tx) => {
    await refuseTakenDate(tx, form.date)
    const [added] = await tx
      .insert(calls)
      .values({
        localDate: form.date,
        startTime: form.startTime,
        timeZone: settings.callTimeZone,
        startsAt: zonedTimeToUtc(form.date, form.startTime, settings.callTimeZone),
        durationMinutes: form.durationMinutes,
        status: 'scheduled',
        isSeries: false,
        seriesDate: null,
        title: form.title,
        addedReason: form.addedReason === '' ? null : form.addedReason,
      })
      // Another request may have taken the date since the check above.
      .onConflictDoNothing()
      .returning({ id: calls.id })
    if (!added) throw callRefused('date', takenMessage(form.date))
    const call = await findCall(tx, form.date)
    if (!call) throw noCall(form.date)
    return call
  })
}
