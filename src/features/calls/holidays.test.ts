import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { weekdayOf } from '#src/lib/dates.ts'
import { federalHolidays, mondayHolidays, observedHolidays } from './holidays.ts'

const mondayDates = (year: number): string[] => [...mondayHolidays(year).keys()]

// Worked out by hand from the weekday of Jan 1 and leap years, then checked against a
// separate script; month-day pairs, sorted.
const expectedMondays: Record<number, string[]> = {
  2015: ['01-19', '02-16', '05-25', '09-07', '10-12'],
  2016: ['01-18', '02-15', '05-30', '07-04', '09-05', '10-10', '12-26'],
  2017: ['01-02', '01-16', '02-20', '05-29', '09-04', '10-09', '12-25'],
  2018: ['01-01', '01-15', '02-19', '05-28', '09-03', '10-08', '11-12'],
  2019: ['01-21', '02-18', '05-27', '09-02', '10-14', '11-11'],
  2020: ['01-20', '02-17', '05-25', '09-07', '10-12'],
  2021: ['01-18', '02-15', '05-31', '07-05', '09-06', '10-11'],
  2022: ['01-17', '02-21', '05-30', '06-20', '07-04', '09-05', '10-10', '12-26'],
  2023: ['01-02', '01-16', '02-20', '05-29', '06-19', '09-04', '10-09', '12-25'],
  2024: ['01-01', '01-15', '02-19', '05-27', '09-02', '10-14', '11-11'],
  2025: ['01-20', '02-17', '05-26', '09-01', '10-13'],
  2026: ['01-19', '02-16', '05-25', '09-07', '10-12'],
  2027: ['01-18', '02-15', '05-31', '07-05', '09-06', '10-11'],
  2028: ['01-17', '02-21', '05-29', '06-19', '09-04', '10-09', '12-25'],
  2029: ['01-01', '01-15', '02-19', '05-28', '09-03', '10-08', '11-12'],
  2030: ['01-21', '02-18', '05-27', '09-02', '10-14', '11-11'],
}

const alwaysOnMonday = [
  'Martin Luther King Jr. Day',
  "Washington's Birthday",
  'Memorial Day',
  'Labor Day',
  'Columbus Day',
]

describe('mondayHolidays', () => {
  it('finds exactly the five Monday holidays in 2026', () => {
    expect(mondayHolidays(2026)).toEqual(
      new Map([
        ['2026-01-19', 'Martin Luther King Jr. Day'],
        ['2026-02-16', "Washington's Birthday"],
        ['2026-05-25', 'Memorial Day'],
        ['2026-09-07', 'Labor Day'],
        ['2026-10-12', 'Columbus Day'],
      ]),
    )
  })

  it('adds a Sunday New Year observed on Monday, and Juneteenth and Christmas on Mondays, in 2023', () => {
    expect(mondayDates(2023)).toEqual([
      '2023-01-02',
      '2023-01-16',
      '2023-02-20',
      '2023-05-29',
      '2023-06-19',
      '2023-09-04',
      '2023-10-09',
      '2023-12-25',
    ])
    expect(mondayHolidays(2023).get('2023-01-02')).toBe("New Year's Day")
    expect(mondayHolidays(2023).get('2023-06-19')).toBe('Juneteenth National Independence Day')
    expect(mondayHolidays(2023).get('2023-12-25')).toBe('Christmas Day')
  })

  it('has no Juneteenth in 2017, before it became a holiday', () => {
    expect(mondayDates(2017)).toEqual([
      '2017-01-02',
      '2017-01-16',
      '2017-02-20',
      '2017-05-29',
      '2017-09-04',
      '2017-10-09',
      '2017-12-25',
    ])
  })

  it('observes a Sunday Independence Day on Monday in 2021', () => {
    expect(mondayDates(2021)).toEqual([
      '2021-01-18',
      '2021-02-15',
      '2021-05-31',
      '2021-07-05',
      '2021-09-06',
      '2021-10-11',
    ])
    expect(mondayHolidays(2021).get('2021-07-05')).toBe('Independence Day')
  })

  it('matches the hand-worked table for every year from 2015 to 2030', () => {
    for (const [year, monthDays] of Object.entries(expectedMondays)) {
      expect(mondayDates(Number(year)), year).toEqual(monthDays.map((md) => `${year}-${md}`))
    }
  })

  it('only holds Mondays of its own year, always including the five Monday holidays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2015, max: 2030 }), (year) => {
        const holidays = mondayHolidays(year)
        for (const date of holidays.keys()) {
          expect(weekdayOf(date)).toBe(1)
          expect(date.startsWith(`${year}-`)).toBe(true)
        }
        const names = [...holidays.values()]
        for (const name of alwaysOnMonday) expect(names).toContain(name)
        expect(holidays.size).toBeGreaterThanOrEqual(5)
        expect(holidays.size).toBeLessThanOrEqual(8)
      }),
    )
  })
})

describe('federalHolidays', () => {
  it('lists ten holidays before 2021 and eleven, with Juneteenth, from 2021', () => {
    expect(federalHolidays(2020)).toHaveLength(10)
    expect(federalHolidays(2020).map((h) => h.name)).not.toContain('Juneteenth National Independence Day')
    expect(federalHolidays(2021)).toHaveLength(11)
    expect(federalHolidays(2021)).toContainEqual({
      date: '2021-06-19',
      observed: '2021-06-18',
      name: 'Juneteenth National Independence Day',
    })
  })

  it('gives the dates of every 2026 holiday, with Saturday ones observed on Friday', () => {
    expect(federalHolidays(2026)).toEqual([
      { date: '2026-01-01', observed: '2026-01-01', name: "New Year's Day" },
      { date: '2026-01-19', observed: '2026-01-19', name: 'Martin Luther King Jr. Day' },
      { date: '2026-02-16', observed: '2026-02-16', name: "Washington's Birthday" },
      { date: '2026-05-25', observed: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-06-19', observed: '2026-06-19', name: 'Juneteenth National Independence Day' },
      { date: '2026-07-04', observed: '2026-07-03', name: 'Independence Day' },
      { date: '2026-09-07', observed: '2026-09-07', name: 'Labor Day' },
      { date: '2026-10-12', observed: '2026-10-12', name: 'Columbus Day' },
      { date: '2026-11-11', observed: '2026-11-11', name: 'Veterans Day' },
      { date: '2026-11-26', observed: '2026-11-26', name: 'Thanksgiving Day' },
      { date: '2026-12-25', observed: '2026-12-25', name: 'Christmas Day' },
    ])
  })

  it('keeps a Saturday New Year in its own year even though it is observed the Friday before', () => {
    expect(federalHolidays(2022)[0]).toEqual({
      date: '2022-01-01',
      observed: '2021-12-31',
      name: "New Year's Day",
    })
  })

  it('always observes a holiday on a weekday within a day of the holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        for (const { date, observed } of federalHolidays(year)) {
          expect(weekdayOf(observed)).toBeLessThanOrEqual(5)
          const gap = (Date.parse(observed) - Date.parse(date)) / 86_400_000
          expect([-1, 0, 1]).toContain(gap)
        }
      }),
    )
  })

  it('rejects a year that is not a whole number from 1 to 9999', () => {
    expect(() => federalHolidays(2026.5)).toThrow(RangeError)
    expect(() => federalHolidays(0)).toThrow(RangeError)
    expect(() => federalHolidays(10_000)).toThrow(RangeError)
  })
})

describe('observedHolidays', () => {
  it('counts a Saturday New Year as a day off on Dec 31 of the year before', () => {
    expect(observedHolidays(2021).get('2021-12-31')).toBe("New Year's Day")
    expect(observedHolidays(2022).has('2021-12-31')).toBe(false)
    expect(observedHolidays(2022).has('2022-01-01')).toBe(false)
    expect(observedHolidays(2022).size).toBe(10)
  })

  it('keeps the days off in date order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const dates = [...observedHolidays(year).keys()]
        expect(dates).toEqual([...dates].sort())
      }),
    )
  })
})
