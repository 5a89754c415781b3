/** The weekly series brought in for past years: `hub calls backfill --from YYYY-MM-DD`. */
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { insertSeriesCalls } from './insert-series-calls.ts'
import { planCallSeries } from './schedule.ts'

/** How far back the backfill reaches: older records are not the network's. */
export const BACKFILL_YEARS = 50

export type BackfillResult = {
  from: string
  to: string
  /** Calls inserted (the cancelled holidays included). */
  created: number
  /** Series dates that already had their call (or a day another call already takes). */
  existing: number
  /** Of the calls created, those inserted cancelled for an observed federal holiday. */
  cancelledHolidays: number
}

/**
 * Inserts the weekly calls from `from` to `today` (both included) that are not there yet, with
 * the forward series' rule (planCallSeries: the same weekday, time, zone and length, observed
 * federal holidays cancelled with the holiday as the reason). One transaction; a series date
 * already standing for a call, or a day already taken, is left alone, so running it twice
 * creates nothing.
 */
export async function backfillCallSeries(
  db: Db,
  options: { from: string; today: string; actor?: Actor },
): Promise<BackfillResult> {
  const { from, today } = options
  const settings = await getSettings(db)
  const planned = planCallSeries(from, today, {
    weekday: settings.callWeekday,
    startTime: settings.callStartTime,
    timeZone: settings.callTimeZone,
    durationMinutes: settings.callDurationMinutes,
    cancelOnHolidays: settings.cancelCallsOnFederalHolidays,
  })
  const inserted =
    planned.length === 0
      ? []
      : await writeAs(db, options.actor ?? 'system', (tx) => insertSeriesCalls(tx, planned))
  return {
    from,
    to: today,
    created: inserted.length,
    existing: planned.length - inserted.length,
    cancelledHolidays: inserted.filter((row) => row.status === 'cancelled').length,
  }
}
