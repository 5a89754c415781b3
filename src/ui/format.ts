const numberFormat = new Intl.NumberFormat('en-US')
const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})

/** 4347 -> '4,347' */
export const formatNumber = (n: number): string => numberFormat.format(n)

/** '2016-09-27' -> 'September 27, 2016' (a calendar date, so no time zone shift). */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`))

const weekdayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' })

/** '2026-12-21' -> 'Monday, December 21, 2026' (a calendar date, so no time zone shift). */
export const formatWeekdayDate = (isoDate: string): string =>
  `${weekdayFormat.format(new Date(`${isoDate}T00:00:00Z`))}, ${formatDate(isoDate)}`

/** The calendar day of an instant in a zone: 'November 26, 2026'; the text as given when it is not a date. */
export function formatDayIn(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(d)
}

/** A wall-clock time in a zone, without the zone: '1:02 PM'. */
export function formatClock(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(d)
}

/** 1 -> 'organisation', 2 -> 'organisations' */
export const plural = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many)

/** An instant as a wall-clock time in a zone: ('2026-11-30T18:00:00Z', 'America/New_York') -> '1:00 PM EST' */
export const formatTimeInZone = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant))

/** An instant as a date and time in a zone: 'Nov 26, 2026, 2:03 PM EST'; the text as given when it is not a date. */
export function formatInstantInZone(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d)
}

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** 3 -> 'March' */
export const monthName = (month: number): string => monthNames[month - 1] ?? String(month)
