/** The weekly series of calls, kept a year ahead (observed federal holidays inserted cancelled). */
import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings, type Settings } from '#src/features/settings/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { insertSeriesCalls } from './insert-series-calls.ts'
import { planCallSeries } from './schedule.ts'

/** How far ahead the series is kept at least: a year and a week, so that a full year is always listed. */
export const SERIES_HORIZON_DAYS = 371

/**
 * The last date the series is generated to: the end of next year, and never less than
 * SERIES_HORIZON_DAYS ahead, so that next year's presentations can be planned on every call.
 */
export const seriesHorizon = (today: string): string => {
  const endOfNextYear = `${Number(today.slice(0, 4)) + 1}-12-31`
  const minimum = addDays(today, SERIES_HORIZON_DAYS)
  return endOfNextYear > minimum ? endOfNextYear : minimum
}

/**
 * Inserts the weekly calls from `today` to seriesHorizon(today) that are not there yet;
 * observed federal holidays are inserted cancelled, with the holiday as the reason. A series
 * date already standing for a call (even one moved elsewhere) and a date already taken by
 * another call are skipped, so running it twice, or in two processes at once, adds nothing.
 * Days before today are never filled in: a call nobody held must not count as held.
 */
export async function ensureCallSeries(
  db: Db,
  options: { today: string; settings: Settings },
): Promise<{ added: number }> {
  const { today, settings } = options
  const planned = planCallSeries(today, seriesHorizon(today), {
    weekday: settings.callWeekday,
    startTime: settings.callStartTime,
    timeZone: settings.callTimeZone,
    durationMinutes: settings.callDurationMinutes,
    cancelOnHolidays: settings.cancelCallsOnFederalHolidays,
  })
  return writeAs(db, 'system', async (tx) => {
    if (planned.length === 0) return { added: 0 }
    const added = await insertSeriesCalls(tx, planned)
    return { added: added.length }
  })
}

/**
 * ensureCallSeries with the settings in force, for start-up and the daily timer. A database
 * with no network at all is left empty, so that `hub import` can still fill it.
 */
export async function extendCallSeries(db: Db, options: { today: string }): Promise<{ added: number }> {
  const [row] = await queryRows<{ hasNetwork: boolean }>(
    db,
    sql`select (exists (select 1 from organizations) or exists (select 1 from people)
        or exists (select 1 from calls)) as "hasNetwork"`,
  )
  if (!row?.hasNetwork) return { added: 0 }
  return ensureCallSeries(db, { today: options.today, settings: await getSettings(db) })
}
