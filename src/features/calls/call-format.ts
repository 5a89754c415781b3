/** How a call's day and time read, in the call's own time zone whatever the server's is. */
import type { Settings } from '#src/features/settings/index.ts'
import { zonedTimeToUtc } from '#src/lib/time-zone.ts'

const dayFormats = new Map<string, Intl.DateTimeFormat>()
const timeFormats = new Map<string, Intl.DateTimeFormat>()

const dayFormat = (timeZone: string) => {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
    dayFormats.set(timeZone, format)
  }
  return format
}

/** Built from parts: engines differ on the comma after the weekday. */
const dayText = (ms: number, timeZone: string): string => {
  const parts = dayFormat(timeZone).formatToParts(ms)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
}

/** '2026-12-07' -> 'Monday 7 December 2026' (a calendar date: no time zone shift). */
export const formatCallDate = (isoDate: string): string => dayText(Date.parse(`${isoDate}T12:00:00Z`), 'UTC')

/** ('2026-11-30T18:00:00Z', 'America/New_York') -> '1:00 pm ET' ('EST' where Intl has no short generic name). */
export const formatCallTime = (instant: string, timeZone: string): string => {
  let format = timeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'shortGeneric',
    })
    timeFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(Date.parse(instant))
  const value = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  let zone = value('timeZoneName')
  // 'ET' and 'PT' read well; 'United Kingdom Time' or 'GMT+0' do not: use the short name then.
  if (zone.includes(' ') || zone.includes('+') || zone.includes('-'))
    zone =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
        .formatToParts(Date.parse(instant))
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  return `${value('hour')}:${value('minute')} ${value('dayPeriod').toLowerCase()} ${zone}`
}

/** ('2026-11-30T18:00:00Z', 'America/New_York') -> 'Monday 30 November 2026, 1:00 pm ET' */
export const formatCallWhen = (instant: string, timeZone: string): string =>
  `${dayText(Date.parse(instant), timeZone)}, ${formatCallTime(instant, timeZone)}`

const weekdayNames = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays']

/** The usual weekly call in words, such as 'on Mondays at 1:00 pm ET, for 30 minutes'. */
export const describeSeries = (settings: Settings, today: string): string => {
  const at = formatCallTime(
    zonedTimeToUtc(today, settings.callStartTime, settings.callTimeZone),
    settings.callTimeZone,
  )
  return `on ${weekdayNames[settings.callWeekday - 1] ?? 'Mondays'} at ${at}, for ${settings.callDurationMinutes} minutes`
}
