import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, isIsoDate, isoDate, weekdayOf } from './dates.ts'

const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe('isIsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const s of ['2026-01-05', '2024-02-29', '2000-02-29', '0050-06-01', '9999-12-31']) {
      expect(isIsoDate(s), s).toBe(true)
    }
  })

  it('rejects days a month does not have and anything not written YYYY-MM-DD', () => {
    for (const s of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) {
      expect(isIsoDate(s), s).toBe(false)
    }
    for (const s of ['2026-1-05', '26-01-05', '2026-01-05T00:00', ' 2026-01-05', '', '2026/01/05']) {
      expect(isIsoDate(s), s).toBe(false)
    }
  })

  it('agrees with Date on every date it formats itself', () => {
    fc.assert(fc.property(anyDate, (s) => isIsoDate(s)))
  })
})

describe('isoDate', () => {
  it('pads the parts into an ISO date', () => {
    expect(isoDate(2026, 1, 5)).toBe('2026-01-05')
    expect(isoDate(50, 6, 1)).toBe('0050-06-01')
  })

  it('throws for a day the month does not have', () => {
    expect(() => isoDate(2026, 2, 29)).toThrow(RangeError)
    expect(() => isoDate(2026, 1, 1.5)).toThrow(RangeError)
  })
})

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2026-03-08', 7)).toBe('2026-03-15')
  })

  it('keeps two-digit years instead of reading them as the 1900s', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01')
  })

  it('rejects bad input instead of returning a wrong date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError)
    expect(() => addDays('2026-01-05', 0.5)).toThrow(RangeError)
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError)
  })

  it('is undone by adding the opposite number of days', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => addDays(addDays(d, n), -n) === d),
    )
  })

  it('matches the date 24 hours later in UTC for every step of one day', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        expect(addDays(d, 1)).toBe(next)
      }),
    )
  })
})

describe('weekdayOf', () => {
  it('numbers the week from Monday as 1 to Sunday as 7', () => {
    expect(weekdayOf('2026-01-05')).toBe(1)
    expect(weekdayOf('2026-01-10')).toBe(6)
    expect(weekdayOf('2026-01-11')).toBe(7)
    expect(weekdayOf('2000-01-01')).toBe(6)
  })

  it('advances by one for every day added', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (d, n) => {
        expect(weekdayOf(addDays(d, n))).toBe(((((weekdayOf(d) - 1 + n) % 7) + 7) % 7) + 1)
      }),
    )
  })
})
