import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, weekdayOf } from '#src/lib/dates.ts'
import { formatInZone } from '#src/lib/time-zone.ts'
import { defaultCallSeries, planCallSeries, seriesDates } from './schedule.ts'

const anyDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe('seriesDates', () => {
  it('includes both ends of the range when they fall on the weekday', () => {
    expect(seriesDates('2026-01-05', '2026-01-19', 1)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19'])
  })

  it('starts at the first matching weekday on or after the start', () => {
    expect(seriesDates('2026-01-01', '2026-01-31', 1)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ])
    expect(seriesDates('2026-01-01', '2026-01-10', 7)).toEqual(['2026-01-04'])
  })

  it('is empty when the range holds no such weekday or ends before it starts', () => {
    expect(seriesDates('2026-01-06', '2026-01-11', 1)).toEqual([])
    expect(seriesDates('2026-02-01', '2026-01-01', 1)).toEqual([])
  })

  it('rejects a weekday outside 1 to 7 and malformed dates', () => {
    expect(() => seriesDates('2026-01-01', '2026-12-31', 0)).toThrow(RangeError)
    expect(() => seriesDates('2026-01-01', '2026-12-31', 8)).toThrow(RangeError)
    expect(() => seriesDates('2026-1-1', '2026-12-31', 1)).toThrow(RangeError)
    expect(() => seriesDates('2026-01-01', '2026-02-30', 1)).toThrow(RangeError)
  })

  it('holds exactly the days of the range that fall on the weekday, in order', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: -10, max: 400 }),
        fc.integer({ min: 1, max: 7 }),
        (from, span, wd) => {
          const to = addDays(from, span)
          const everyDay = Array.from({ length: Math.max(0, span + 1) }, (_, i) => addDays(from, i))
          expect(seriesDates(from, to, wd)).toEqual(everyDay.filter((d) => weekdayOf(d) === wd))
        },
      ),
    )
  })
})

describe('planCallSeries', () => {
  const year2026 = planCallSeries('2026-01-01', '2026-12-31', defaultCallSeries)

  it('plans 52 Monday calls in 2026 and cancels the five on federal holidays', () => {
    expect(year2026).toHaveLength(52)
    expect(year2026.filter((c) => c.cancelReason !== null)).toEqual(
      [
        ['2026-01-19', 'Martin Luther King Jr. Day'],
        ['2026-02-16', "Washington's Birthday"],
        ['2026-05-25', 'Memorial Day'],
        ['2026-09-07', 'Labor Day'],
        ['2026-10-12', 'Columbus Day'],
      ].map(([localDate, name]) =>
        expect.objectContaining({ localDate, cancelReason: `Federal holiday: ${name}` }),
      ),
    )
  })

  it('copies the series settings onto each call', () => {
    expect(year2026[0]).toEqual({
      localDate: '2026-01-05',
      startTime: '13:00',
      timeZone: 'America/New_York',
      startsAt: '2026-01-05T18:00:00.000Z',
      durationMinutes: 30,
      cancelReason: null,
    })
  })

  it('moves the UTC start an hour earlier while New York is on daylight time', () => {
    const startsAt = new Map(year2026.map((c) => [c.localDate, c.startsAt]))
    expect(startsAt.get('2026-03-02')).toBe('2026-03-02T18:00:00.000Z')
    expect(startsAt.get('2026-03-09')).toBe('2026-03-09T17:00:00.000Z')
    expect(startsAt.get('2026-10-26')).toBe('2026-10-26T17:00:00.000Z')
    expect(startsAt.get('2026-11-02')).toBe('2026-11-02T18:00:00.000Z')
    expect(startsAt.get('2026-12-28')).toBe('2026-12-28T18:00:00.000Z')
  })

  it('cancels nothing when the series ignores holidays', () => {
    const calls = planCallSeries('2026-01-01', '2026-12-31', {
      ...defaultCallSeries,
      cancelOnHolidays: false,
    })
    expect(calls).toHaveLength(52)
    expect(calls.every((c) => c.cancelReason === null)).toBe(true)
  })

  it('cancels a Friday call on Dec 31 when New Year falls on the Saturday after', () => {
    const fridays = planCallSeries('2021-06-01', '2022-01-31', { ...defaultCallSeries, weekday: 5 })
    const cancelled = fridays.filter((c) => c.cancelReason !== null).map((c) => [c.localDate, c.cancelReason])
    expect(cancelled).toEqual([
      ['2021-06-18', 'Federal holiday: Juneteenth National Independence Day'],
      ['2021-12-24', 'Federal holiday: Christmas Day'],
      ['2021-12-31', "Federal holiday: New Year's Day"],
    ])
  })

  it('rejects settings it cannot schedule', () => {
    const bad = [
      { startTime: '1pm' },
      { timeZone: 'Mars/Olympus_Mons' },
      { durationMinutes: 0 },
      { durationMinutes: 2.5 },
      { weekday: 0 },
    ]
    for (const override of bad) {
      expect(() => planCallSeries('2026-01-01', '2026-12-31', { ...defaultCallSeries, ...override })).toThrow(
        RangeError,
      )
    }
  })

  it('plans calls on the requested weekday, within range, sorted and without duplicates', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 7 }),
        (from, span, weekday) => {
          const to = addDays(from, span)
          const dates = planCallSeries(from, to, { ...defaultCallSeries, weekday }).map((c) => c.localDate)
          for (const d of dates) {
            expect(weekdayOf(d)).toBe(weekday)
            expect(d >= from && d <= to).toBe(true)
          }
          expect(dates).toEqual([...dates].sort())
          expect(new Set(dates).size).toBe(dates.length)
        },
      ),
      { numRuns: 50 },
    )
  })

  it('starts every call at the series time on its local date', () => {
    fc.assert(
      fc.property(anyDate, (from) => {
        for (const call of planCallSeries(from, addDays(from, 90), defaultCallSeries)) {
          expect(formatInZone(call.startsAt, call.timeZone)).toMatchObject({
            date: call.localDate,
            time: call.startTime,
          })
        }
      }),
      { numRuns: 50 },
    )
  })
})
