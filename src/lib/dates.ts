/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings. All arithmetic runs on UTC midnights so the
 * host's time zone and its DST changes can never shift a date.
 */

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

// setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
const utcMidnight = (year: number, month: number, day: number): number =>
  new Date(0).setUTCFullYear(year, month - 1, day)

// Day 0 of the next month is the last day of this one.
const daysInMonth = (year: number, month: number): number =>
  new Date(utcMidnight(year, month + 1, 0)).getUTCDate()

const fromUtcMs = (ms: number): string => {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  if (!(year >= 0 && year <= 9999))
    throw new RangeError(`Date outside years 0000 to 9999: ${d.toISOString()}`)
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
}

const toUtcMs = (date: string): number => {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  return utcMidnight(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-29' is false). */
export const isIsoDate = (s: string): boolean => {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** The date `year`-`month`-`day` (month 1 to 12), rejecting days the month does not have. */
export const isoDate = (year: number, month: number, day: number): string => {
  const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
  if (![year, month, day].every(Number.isInteger) || !isIsoDate(s)) {
    throw new RangeError(`No such date: ${year}-${month}-${day}`)
  }
  return s
}

/** The date `n` days after `date` (before it when `n` is negative). */
export const addDays = (date: string, n: number): string => {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number: ${n}`)
  return fromUtcMs(toUtcMs(date) + n * DAY_MS)
}

/** ISO weekday of `date`: 1 is Monday, 7 is Sunday. */
export const weekdayOf = (date: string): number => {
  const day = new Date(toUtcMs(date)).getUTCDay()
  return day === 0 ? 7 : day
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Today's date (YYYY-MM-DD) in a time zone: the network's, not the server's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // Building a formatter costs far more than using one: keep one per zone.
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, format)
  }
  return format.format(now)
}
