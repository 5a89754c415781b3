import { isTimeZone } from '#src/lib/clock.ts'
/**
 * Wall-clock times in IANA time zones, using only the runtime's Intl data.
 *
 * Intl can format an instant in a zone but not do the reverse, so offsets are read by
 * formatting an instant and comparing the wall clock it shows with the instant itself.
 */
import { isIsoDate } from './dates.ts'

const DAY_MS = 86_400_000
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
// A zone is required: Date.parse reads a zoneless date-time in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

const formatters = new Map<string, Intl.DateTimeFormat>()

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number }

const wallClockAt = (ms: number, timeZone: string): WallClock => {
  const parts: Record<string, number> = {}
  let era = ''
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type === 'era') era = part.value
    else if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const get = (type: string): number => {
    const value = parts[type]
    if (value === undefined || Number.isNaN(value)) throw new Error(`Intl gave no ${type} for ${ms}`)
    return value
  }
  return {
    // Intl counts years before 1 as 1 BC, 2 BC, ...; ISO counts them 0, -1, ...
    year: era === 'BC' ? 1 - get('year') : get('year'),
    month: get('month'),
    day: get('day'),
    // Some engines still write midnight as 24 despite hourCycle 'h23'.
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  }
}

// The wall clock read as if it were UTC, so that wall clock minus instant is the offset.
const wallClockAsUtcMs = (w: WallClock): number =>
  new Date(0).setUTCFullYear(w.year, w.month - 1, w.day) + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000

/** Milliseconds to add to a UTC instant to get the zone's wall clock at that instant. */
const offsetMsAt = (ms: number, timeZone: string): number => {
  const wholeSecond = Math.floor(ms / 1000) * 1000
  return wallClockAsUtcMs(wallClockAt(wholeSecond, timeZone)) - wholeSecond
}

const formatOffset = (offsetMs: number): string => {
  const sign = offsetMs < 0 ? '-' : '+'
  const totalSeconds = Math.abs(Math.round(offsetMs / 1000))
  const hh = String(Math.floor(totalSeconds / 3600)).padStart(2, '0')
  const mm = String(Math.floor(totalSeconds / 60) % 60).padStart(2, '0')
  const ss = totalSeconds % 60
  // Only local mean times from before about 1900 have seconds in their offset.
  return ss === 0 ? `${sign}${hh}:${mm}` : `${sign}${hh}:${mm}:${String(ss).padStart(2, '0')}`
}

const parseInstant = (instant: string): number => {
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN
  if (Number.isNaN(ms))
    throw new RangeError(`Not an ISO 8601 instant with a zone: ${JSON.stringify(instant)}`)
  return ms
}

const assertTimeZone = (timeZone: string): void => {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`)
}

/** True for a time zone the runtime knows, such as 'America/New_York' or 'UTC' (the kernel's rule). */
export const isValidTimeZone = isTimeZone

/** True for a 24-hour clock time written 'HH:MM', from '00:00' to '23:59'. */
export const isClockTime = (s: string): boolean => CLOCK_TIME.test(s)

/**
 * The UTC instant at which the wall clock in `timeZone` reads `time` on `localDate`,
 * as an ISO string such as '2026-01-05T18:00:00.000Z'.
 *
 * Around DST changes, as Temporal's 'compatible' choice does:
 * - a time the clocks skip (02:30 when they jump from 02:00 to 03:00) moves forward by
 *   the length of the gap, so it becomes 03:30 of the new offset;
 * - a time that happens twice (01:30 when they fall back from 02:00 to 01:00) takes the
 *   first occurrence, under the earlier offset.
 */
export const zonedTimeToUtc = (localDate: string, time: string, timeZone: string): string => {
  if (!isIsoDate(localDate))
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(localDate)}`)
  if (!isClockTime(time)) throw new RangeError(`Not a clock time (HH:MM): ${JSON.stringify(time)}`)
  assertTimeZone(timeZone)

  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number]
  const wallMs = wallClockAsUtcMs({ year, month, day, hour, minute, second: 0 })

  // Offsets never exceed a day, so the offsets a day either side cover every instant
  // whose wall clock could read `wallMs`.
  const offsetBefore = offsetMsAt(wallMs - DAY_MS, timeZone)
  const candidates = new Set([
    offsetBefore,
    offsetMsAt(wallMs, timeZone),
    offsetMsAt(wallMs + DAY_MS, timeZone),
  ])
  const matches = [...candidates]
    .map((offset) => wallMs - offset)
    .filter((ms) => ms + offsetMsAt(ms, timeZone) === wallMs)

  // No match means the time falls in a gap: keep the offset from before the jump.
  const ms = matches.length > 0 ? Math.min(...matches) : wallMs - offsetBefore
  return new Date(ms).toISOString()
}

/** The zone's UTC offset at `instant`, such as '-05:00' or '+05:30'. */
export const utcOffsetAt = (instant: string, timeZone: string): string => {
  assertTimeZone(timeZone)
  return formatOffset(offsetMsAt(parseInstant(instant), timeZone))
}

/** The date, 'HH:MM' time and UTC offset that the wall clock in `timeZone` shows at `instant`. */
export const formatInZone = (
  instant: string,
  timeZone: string,
): { date: string; time: string; offset: string } => {
  assertTimeZone(timeZone)
  const ms = parseInstant(instant)
  const w = wallClockAt(Math.floor(ms / 1000) * 1000, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    date: `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}`,
    offset: formatOffset(offsetMsAt(ms, timeZone)),
  }
}
