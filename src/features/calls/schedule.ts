/** The weekly national call series: which dates it meets on and when, in UTC, each call starts. */
import { addDays, isIsoDate, weekdayOf } from '#src/lib/dates.ts'
import { isClockTime, isValidTimeZone, zonedTimeToUtc } from '#src/lib/time-zone.ts'
import { type FederalHolidayName, observedHolidays } from './holidays.ts'

export type CallSeriesSettings = {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number
  /** Wall-clock 'HH:MM' in `timeZone`. */
  startTime: string
  /** IANA zone, such as 'America/New_York'. */
  timeZone: string
  durationMinutes: number
  /** Skip calls that land on an observed US federal holiday. */
  cancelOnHolidays: boolean
}

export type PlannedCall = {
  localDate: string
  startTime: string
  timeZone: string
  /** ISO 8601 UTC instant, such as '2026-01-05T18:00:00.000Z'. */
  startsAt: string
  durationMinutes: number
  /** Null when the call goes ahead, such as 'Federal holiday: Labor Day' when it does not. */
  cancelReason: string | null
}

export const defaultCallSeries: CallSeriesSettings = {
  weekday: 1,
  startTime: '13:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
  cancelOnHolidays: true,
}

const assertDate = (label: string, date: string): void => {
  if (!isIsoDate(date))
    throw new RangeError(`${label} is not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`)
}

const assertWeekday = (weekday: number): void => {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new RangeError(`Weekday must be 1 (Monday) to 7 (Sunday): ${weekday}`)
  }
}

/** Every date from `from` to `to`, both included, that falls on ISO `weekday`; empty when `to` is before `from`. */
export const seriesDates = (from: string, to: string, weekday: number): string[] => {
  assertDate('from', from)
  assertDate('to', to)
  assertWeekday(weekday)
  const dates: string[] = []
  // Four-digit ISO dates sort as strings in calendar order.
  for (let d = addDays(from, (weekday - weekdayOf(from) + 7) % 7); d <= to; d = addDays(d, 7)) {
    dates.push(d)
  }
  return dates
}

/** The calls of a series from `from` to `to`, both included, in date order, holidays marked cancelled. */
export const planCallSeries = (from: string, to: string, settings: CallSeriesSettings): PlannedCall[] => {
  const { weekday, startTime, timeZone, durationMinutes, cancelOnHolidays } = settings
  if (!isClockTime(startTime)) throw new RangeError(`Start time is not HH:MM: ${JSON.stringify(startTime)}`)
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`)
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`Duration must be a positive whole number of minutes: ${durationMinutes}`)
  }

  const holidaysByYear = new Map<number, Map<string, FederalHolidayName>>()
  const holidayOn = (date: string): FederalHolidayName | undefined => {
    const year = Number(date.slice(0, 4))
    let holidays = holidaysByYear.get(year)
    if (!holidays) {
      holidays = observedHolidays(year)
      holidaysByYear.set(year, holidays)
    }
    return holidays.get(date)
  }

  return seriesDates(from, to, weekday).map((localDate) => {
    const holiday = cancelOnHolidays ? holidayOn(localDate) : undefined
    return {
      localDate,
      startTime,
      timeZone,
      startsAt: zonedTimeToUtc(localDate, startTime, timeZone),
      durationMinutes,
      cancelReason: holiday ? `Federal holiday: ${holiday}` : null,
    }
  })
}
