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

/*
 * The network writes dates and times one way, on pages, in emails, the audit log and the records:
 * a date is 'November 26, 2026' (after its weekday where the day matters: 'Monday, November 30,
 * 2026'); a time is '2:03 pm ET', in the network's zone; a date with a time is the two joined:
 * 'November 26, 2026, 2:03 pm ET'. Each is written by one function below.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>()
const timeFormats = new Map<string, Intl.DateTimeFormat>()
const shortZoneFormats = new Map<string, Intl.DateTimeFormat>()
const cached = (
  formats: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
) => {
  let format = formats.get(timeZone)
  if (!format) {
    format = make()
    formats.set(timeZone, format)
  }
  return format
}

/** The calendar day of an instant in a zone: 'November 26, 2026'; the text as given when it is not a date. */
export function formatDayIn(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return cached(
    dayFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }),
  ).format(d)
}

/** The parts of a wall-clock time in a zone: hour, minute, 'am' or 'pm', and the zone's short name. */
function clockParts(d: Date, timeZone: string) {
  const parts = cached(
    timeFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'shortGeneric',
      }),
  ).formatToParts(d)
  const value = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  let zone = value('timeZoneName')
  // 'ET' and 'PT' read well; 'United Kingdom Time' or 'GMT+0' do not: use the short name then.
  if (zone.includes(' ') || zone.includes('+') || zone.includes('-'))
    zone =
      cached(
        shortZoneFormats,
        timeZone,
        () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
      )
        .formatToParts(d)
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  return { clock: `${value('hour')}:${value('minute')} ${value('dayPeriod').toLowerCase()}`, zone }
}

/** A wall-clock time in a zone, without the zone (a table whose heading names it): '1:02 pm'. */
export function formatClock(instant: string, timeZone: string): string {
  const d = new Date(instant)
  return Number.isNaN(d.getTime()) ? instant : clockParts(d, timeZone).clock
}

/** A zone as people name it: ('America/New_York', instant) -> 'Eastern Time (ET)'. */
export function formatZoneName(timeZone: string, instant: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return timeZone
  const long = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName')?.value
  const { zone } = clockParts(d, timeZone)
  return long && long !== zone ? `${long} (${zone})` : zone
}

/** 1 -> 'organisation', 2 -> 'organisations' */
/** A share as a whole percent ('83%'); under 1% but not none reads '<1%'. */
export const percentText = (share: number): string =>
  share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`

export const plural = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many)

/** The one way to write a time: ('2026-11-30T18:00:00Z', 'America/New_York') -> '1:00 pm ET'. */
export function formatTimeInZone(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  const { clock, zone } = clockParts(d, timeZone)
  return `${clock} ${zone}`
}

/** The one way to write a date with a time: 'November 26, 2026, 2:03 pm ET'; the text as given when it is not a date. */
export function formatInstantInZone(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return `${formatDayIn(instant, timeZone)}, ${formatTimeInZone(instant, timeZone)}`
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
