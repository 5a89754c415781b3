/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the runtime's Intl time zone data,
 * so the feed needs no time zone database of its own.
 *
 * Each offset change in the years asked for becomes one observance with its own DTSTART
 * (no RRULE): exact for those years, whatever rules the zone followed.
 */
import { utcOffsetAt } from '#src/lib/time-zone.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export type OffsetChange = { at: number; from: number; to: number }

/** The zone's UTC offset in minutes at the instant `ms`. */
export const offsetMinutesAt = (ms: number, timeZone: string): number => {
  const match = utcOffsetAt(new Date(ms).toISOString(), timeZone).match(/^([+-])(\d{2}):(\d{2})/)
  if (!match) throw new Error(`Intl gave no offset for ${timeZone}`)
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** Every offset change in [fromMs, toMs), to the minute. */
export const offsetChanges = (timeZone: string, fromMs: number, toMs: number): OffsetChange[] => {
  const changes: OffsetChange[] = []
  let before = fromMs
  let offset = offsetMinutesAt(before, timeZone)
  // Zones change offset at most a few times a year, never twice in six hours.
  for (let after = fromMs + 6 * HOUR_MS; after < toMs + 6 * HOUR_MS; after += 6 * HOUR_MS) {
    const next = offsetMinutesAt(after, timeZone)
    if (next === offset) {
      before = after
      continue
    }
    let low = before
    let high = after
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000
      if (offsetMinutesAt(middle, timeZone) === offset) low = middle
      else high = middle
    }
    if (high < toMs) changes.push({ at: high, from: offset, to: next })
    offset = next
    before = after
  }
  return changes
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A UTC offset in minutes as iCalendar writes it: -0500, +0530. */
export const formatUtcOffset = (minutes: number): string =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`

/** The local date-time (YYYYMMDDTHHMMSS) at `ms` for a zone at `offsetMinutes`. */
const localDateTime = (ms: number, offsetMinutes: number): string => {
  const d = new Date(ms + offsetMinutes * 60_000)
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
}

const cache = new Map<string, string>()

/**
 * The VTIMEZONE for `timeZone` covering the years `fromYear` to `toYear`, with CRLF
 * line endings and no trailing line break.
 */
export const vtimezone = (timeZone: string, fromYear: number, toYear: number): string => {
  const key = `${timeZone}|${fromYear}|${toYear}`
  const cached = cache.get(key)
  if (cached) return cached
  const fromMs = Date.UTC(fromYear, 0, 1)
  const toMs = Date.UTC(toYear + 1, 0, 1) + DAY_MS
  const changes = offsetChanges(timeZone, fromMs, toMs)
  // Standard time is the smaller of the offsets in use; more than that is daylight saving time.
  const initial = offsetMinutesAt(fromMs, timeZone)
  const standard = Math.min(initial, ...changes.map((c) => c.to))
  const observance = (at: number, from: number, to: number) => {
    const kind = to > standard ? 'DAYLIGHT' : 'STANDARD'
    return [
      `BEGIN:${kind}`,
      // DTSTART is the local time the change happens at, read on the clock before it.
      `DTSTART:${localDateTime(at, from)}`,
      `TZOFFSETFROM:${formatUtcOffset(from)}`,
      `TZOFFSETTO:${formatUtcOffset(to)}`,
      `END:${kind}`,
    ]
  }
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    // The offset in force when the range starts, so every date in it has a rule.
    ...observance(fromMs, initial, initial),
    ...changes.flatMap((c) => observance(c.at, c.from, c.to)),
    'END:VTIMEZONE',
  ]
  const text = lines.join('\r\n')
  cache.set(key, text)
  return text
}
