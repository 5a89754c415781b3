/** How a call's day and time read, in the call's own time zone whatever the server's is. */
import type { Settings } from '#src/features/settings/index.ts'
import { todayIn } from '#src/lib/dates.ts'
import { zonedTimeToUtc } from '#src/lib/time-zone.ts'
import { formatTimeInZone, formatWeekdayDate } from '#src/ui/format.ts'

/** '2026-12-07' -> 'Monday, December 7, 2026' (a calendar date: no time zone shift). */
export const formatCallDate = formatWeekdayDate

/** ('2026-11-30T18:00:00Z', 'America/New_York') -> '1:00 pm ET': the network's one way to write a time. */
export const formatCallTime = formatTimeInZone

/** ('2026-11-30T18:00:00Z', 'America/New_York') -> 'Monday, November 30, 2026, 1:00 pm ET' */
export const formatCallWhen = (instant: string, timeZone: string): string =>
  `${formatWeekdayDate(todayIn(timeZone, new Date(instant)))}, ${formatCallTime(instant, timeZone)}`

const weekdayNames = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays']

/** The usual weekly call in words, such as 'on Mondays at 1:00 pm ET, for 30 minutes'. */
export const describeSeries = (settings: Settings, today: string): string => {
  const at = formatCallTime(
    zonedTimeToUtc(today, settings.callStartTime, settings.callTimeZone),
    settings.callTimeZone,
  )
  return `on ${weekdayNames[settings.callWeekday - 1] ?? 'Mondays'} at ${at}, for ${settings.callDurationMinutes} minutes`
}
