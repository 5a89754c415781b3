/**
 * Report dates and times, which carry no time zone: US `7/20/23, 4:16:29 PM` and
 * `03/11/2025 01:58:12 PM`, UK `15/11/22, 09:30:17`, Meet's `10:04 AM` on the call's
 * date. Whether `03/11/2025` is 11 March or 3 November is decided once per file, by the
 * file's own clues first (see dayOrderChooser), the call's date last.
 */
import { utcOffsetAt, zonedTimeToUtc } from '#src/lib/time-zone.ts'

export type WallTime = { date: string; hour: number; minute: number; second: number }
export type DayOrder = 'us' | 'uk'

const DATE_TIME =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

const validDate = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number))

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

/** The ISO date `days` after `iso`. */
export const addDays = (iso: string, days: number): string =>
  new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10)

/** 24-hour clock from `h`, `mm`, optional `ss` and AM/PM marker; null when out of range. */
function clock(h: string, m: string, s: string | undefined, ampm: string | undefined) {
  let hour = Number(h)
  const minute = Number(m)
  const second = s === undefined ? 0 : Number(s)
  if (minute > 59 || second > 59) return null
  if (ampm) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0)
  } else if (hour > 23) return null
  return { hour, minute, second }
}

type Split = { a: number; b: number; year: number; time: ReturnType<typeof clock>; twelveHour: boolean }

const split = (raw: string): Split | null => {
  const m = DATE_TIME.exec(raw.trim())
  if (!m) return null
  const yearText = m[3] as string
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)
  return {
    a: Number(m[1]),
    b: Number(m[2]),
    year,
    time: clock(m[4] as string, m[5] as string, m[6], m[7]),
    twelveHour: m[7] !== undefined,
  }
}

const dateIn = (s: Split, order: DayOrder): string | null => {
  const [month, day] = order === 'us' ? [s.a, s.b] : [s.b, s.a]
  return validDate(s.year, month, day) ? isoDate(s.year, month, day) : null
}

/** The day number of a split date under an order, or null when that order makes it invalid. */
const dayIn = (s: Split, order: DayOrder): number | null => {
  const [month, day] = order === 'us' ? [s.a, s.b] : [s.b, s.a]
  return validDate(s.year, month, day) ? Date.UTC(s.year, month - 1, day) / 86_400_000 : null
}

/**
 * Chooses the day order from date cells seen one at a time (a report is read as it streams),
 * the report's own clues first: an order under which some date is impossible loses (`13/02`);
 * a 12-hour clock (`02:00:31 PM`) is the US locale's, month first, whatever the call's date;
 * only a file with neither clue is read the way that puts its dates closest to the call's date.
 */
export function dayOrderChooser(callDate: string): { add: (raw: string) => void; order: () => DayOrder } {
  const call = dayNumber(callDate)
  const fits = { us: { ok: true, distance: 0 }, uk: { ok: true, distance: 0 } }
  let twelveHour = false
  return {
    add: (raw) => {
      const s = split(raw)
      if (!s) return
      if (s.twelveHour) twelveHour = true
      for (const order of ['us', 'uk'] as const) {
        const fit = fits[order]
        if (!fit.ok) continue
        const day = dayIn(s, order)
        if (day === null) fit.ok = false
        else fit.distance = Math.max(fit.distance, Math.abs(day - call))
      }
    },
    order: () => {
      const { us, uk } = fits
      if (us.ok !== uk.ok) return uk.ok ? 'uk' : 'us'
      if (twelveHour) return 'us'
      return uk.ok && uk.distance < us.distance ? 'uk' : 'us'
    },
  }
}

/** The day order that makes every date in `raws` valid and closest to the call's date. */
export function chooseDayOrder(raws: readonly string[], callDate: string): DayOrder {
  const chooser = dayOrderChooser(callDate)
  for (const raw of raws) chooser.add(raw)
  return chooser.order()
}

/**
 * Reads one date-time cell: null when empty, undefined when unreadable.
 * `order` comes from chooseDayOrder over the whole file.
 */
export function readDateTime(raw: string, order: DayOrder): WallTime | null | undefined {
  const text = raw.trim()
  if (text === '') return null
  const iso = ISO_DATE_TIME.exec(text)
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    const time = clock(iso[4] as string, iso[5] as string, iso[6], undefined)
    return validDate(y, mo, d) && time ? { date: isoDate(y, mo, d), ...time } : undefined
  }
  const s = split(text)
  if (!s?.time) return undefined
  const date = dateIn(s, order)
  return date ? { date, ...s.time } : undefined
}

/** Reads a time of day with no date (Meet's `10:04 AM`) on the call's date. */
export function readClockTime(raw: string, callDate: string): WallTime | null | undefined {
  const text = raw.trim()
  if (text === '') return null
  const m = CLOCK.exec(text)
  const time = m ? clock(m[1] as string, m[2] as string, m[3], m[4]) : null
  return time ? { date: callDate, ...time } : readDateTime(text, 'us')
}

const secondsOfDay = (w: WallTime) => (w.hour * 60 + w.minute) * 60 + w.second

/** Orders two wall times; a leave earlier than its join (past midnight) moves to the next day. */
export const laterThan = (a: WallTime, b: WallTime): boolean =>
  a.date === b.date ? secondsOfDay(a) > secondsOfDay(b) : a.date > b.date

export const nextDay = (w: WallTime): WallTime => ({ ...w, date: addDays(w.date, 1) })

/** Seconds since the epoch of a wall time read as UTC: for comparing, not for display. */
export const wallKey = (w: WallTime): number => dayNumber(w.date) * 86_400 + secondsOfDay(w)

/** ISO 8601 with the offset the time zone has at that wall time: `2026-03-09T13:02:11-04:00`. */
export function toIso(w: WallTime, timeZone: string): string {
  const instant = zonedTimeToUtc(w.date, `${pad(w.hour)}:${pad(w.minute)}`, timeZone)
  return `${w.date}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${utcOffsetAt(instant, timeZone)}`
}
