/**
 * US federal holidays (5 U.S.C. 6103) and the days they are observed.
 *
 * Today's rules are applied to every year, except that Juneteenth starts in 2021. The
 * list is therefore wrong before 1986 (no MLK Day; Monday holidays before 1971), and it
 * leaves out Inauguration Day, which is a holiday only around Washington, D.C.
 */
import { addDays, isoDate, weekdayOf } from '#src/lib/dates.ts'

export type FederalHolidayName =
  | "New Year's Day"
  | 'Martin Luther King Jr. Day'
  | "Washington's Birthday"
  | 'Memorial Day'
  | 'Juneteenth National Independence Day'
  | 'Independence Day'
  | 'Labor Day'
  | 'Columbus Day'
  | 'Veterans Day'
  | 'Thanksgiving Day'
  | 'Christmas Day'

/** `date` is the holiday itself; `observed` is the day off, which may differ from it. */
export type FederalHoliday = { date: string; observed: string; name: FederalHolidayName }

const MONDAY = 1
const THURSDAY = 4
const SATURDAY = 6
const SUNDAY = 7

/** The `n`th `weekday` (ISO, 1 = Monday) of a month. */
const nthWeekday = (year: number, month: number, weekday: number, n: number): string => {
  const first = isoDate(year, month, 1)
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1))
}

const lastWeekdayOf31DayMonth = (year: number, month: number, weekday: number): string => {
  const last = isoDate(year, month, 31)
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7))
}

/** 5 U.S.C. 6103(b): a Saturday holiday is observed on the Friday before, a Sunday one on the Monday after. */
const observedDate = (date: string): string => {
  const weekday = weekdayOf(date)
  if (weekday === SATURDAY) return addDays(date, -1)
  if (weekday === SUNDAY) return addDays(date, 1)
  return date
}

const assertYear = (year: number): void => {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Year must be a whole number from 1 to 9999: ${year}`)
  }
}

/**
 * The federal holidays whose actual date is in `year`, in calendar order.
 *
 * Grouped by the holiday's own date, not the observed one: when Jan 1 is a Saturday,
 * New Year's Day of `year` is observed on Dec 31 of `year - 1` and is still listed here.
 * Use `observedHolidays` to ask which days off fall within a year.
 */
export const federalHolidays = (year: number): FederalHoliday[] => {
  assertYear(year)
  // Signed into law on 2021-06-17, in time for that year's holiday.
  const juneteenth: [string, FederalHolidayName][] =
    year >= 2021 ? [[isoDate(year, 6, 19), 'Juneteenth National Independence Day']] : []
  const holidays: [string, FederalHolidayName][] = [
    [isoDate(year, 1, 1), "New Year's Day"],
    [nthWeekday(year, 1, MONDAY, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 2, MONDAY, 3), "Washington's Birthday"],
    [lastWeekdayOf31DayMonth(year, 5, MONDAY), 'Memorial Day'],
    ...juneteenth,
    [isoDate(year, 7, 4), 'Independence Day'],
    [nthWeekday(year, 9, MONDAY, 1), 'Labor Day'],
    [nthWeekday(year, 10, MONDAY, 2), 'Columbus Day'],
    [isoDate(year, 11, 11), 'Veterans Day'],
    [nthWeekday(year, 11, THURSDAY, 4), 'Thanksgiving Day'],
    [isoDate(year, 12, 25), 'Christmas Day'],
  ]
  return holidays.map(([date, name]) => ({ date, observed: observedDate(date), name }))
}

/**
 * Every observed holiday that falls in `year`, observed date to name, in date order.
 * Includes next year's New Year's Day when it is observed on Dec 31, and leaves out this
 * year's when it was observed on Dec 31 of the year before.
 */
export const observedHolidays = (year: number): Map<string, FederalHolidayName> => {
  const candidates = [...federalHolidays(year), ...(year < 9999 ? federalHolidays(year + 1) : [])]
  const prefix = `${String(year).padStart(4, '0')}-`
  return new Map(candidates.filter((h) => h.observed.startsWith(prefix)).map((h) => [h.observed, h.name]))
}

/**
 * The observed holidays of `year` that fall on a Monday, date to name: the five Monday
 * holidays, plus any fixed-date holiday that is on a Monday or on a Sunday.
 */
export const mondayHolidays = (year: number): Map<string, FederalHolidayName> =>
  new Map([...observedHolidays(year)].filter(([date]) => weekdayOf(date) === MONDAY))
