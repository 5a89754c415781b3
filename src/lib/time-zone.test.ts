import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, isoDate, weekdayOf } from './dates.ts'
import { formatInZone, isClockTime, isValidTimeZone, utcOffsetAt, zonedTimeToUtc } from './time-zone.ts'

const NEW_YORK = 'America/New_York'

describe('zonedTimeToUtc', () => {
  it('puts 1 pm in New York at 18:00Z in winter and 17:00Z in summer', () => {
    expect(zonedTimeToUtc('2026-01-05', '13:00', NEW_YORK)).toBe('2026-01-05T18:00:00.000Z')
    expect(zonedTimeToUtc('2026-07-06', '13:00', NEW_YORK)).toBe('2026-07-06T17:00:00.000Z')
  })

  it('uses daylight time on the Monday after DST begins', () => {
    expect(zonedTimeToUtc('2026-03-02', '13:00', NEW_YORK)).toBe('2026-03-02T18:00:00.000Z')
    expect(zonedTimeToUtc('2026-03-09', '13:00', NEW_YORK)).toBe('2026-03-09T17:00:00.000Z')
  })

  it('follows London between GMT and BST', () => {
    expect(zonedTimeToUtc('2026-01-05', '13:00', 'Europe/London')).toBe('2026-01-05T13:00:00.000Z')
    expect(zonedTimeToUtc('2026-07-06', '13:00', 'Europe/London')).toBe('2026-07-06T12:00:00.000Z')
  })

  it('handles zones east of UTC and offsets that are not whole hours', () => {
    expect(zonedTimeToUtc('2026-01-05', '00:15', 'Asia/Kolkata')).toBe('2026-01-04T18:45:00.000Z')
    expect(zonedTimeToUtc('2026-01-05', '13:00', 'UTC')).toBe('2026-01-05T13:00:00.000Z')
  })

  it('moves a time the clocks skip forward by the length of the gap', () => {
    // On 2026-03-08 New York jumps from 02:00 EST to 03:00 EDT, so 02:30 becomes 03:30 EDT.
    expect(zonedTimeToUtc('2026-03-08', '02:30', NEW_YORK)).toBe('2026-03-08T07:30:00.000Z')
    expect(formatInZone('2026-03-08T07:30:00.000Z', NEW_YORK)).toEqual({
      date: '2026-03-08',
      time: '03:30',
      offset: '-04:00',
    })
  })

  it('takes the earlier of two occurrences when the clocks fall back', () => {
    // On 2026-11-01 New York repeats 01:00 to 02:00, first as EDT and then as EST.
    expect(zonedTimeToUtc('2026-11-01', '01:30', NEW_YORK)).toBe('2026-11-01T05:30:00.000Z')
    expect(zonedTimeToUtc('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z')
  })

  it('skips the whole day Samoa left out when it crossed the date line', () => {
    expect(zonedTimeToUtc('2011-12-30', '12:00', 'Pacific/Apia')).toBe('2011-12-30T22:00:00.000Z')
    expect(formatInZone('2011-12-30T22:00:00.000Z', 'Pacific/Apia').date).toBe('2011-12-31')
  })

  it('rejects an unknown zone, a malformed date and a malformed time', () => {
    expect(() => zonedTimeToUtc('2026-01-05', '13:00', 'America/Nowhere')).toThrow(RangeError)
    expect(() => zonedTimeToUtc('2026-02-30', '13:00', NEW_YORK)).toThrow(RangeError)
    expect(() => zonedTimeToUtc('2026-01-05', '1:00', NEW_YORK)).toThrow(RangeError)
    expect(() => zonedTimeToUtc('2026-01-05', '24:00', NEW_YORK)).toThrow(RangeError)
  })

  it('agrees with the US rule of DST from the second Sunday of March to the first of November', () => {
    const nthSunday = (year: number, month: number, n: number) => {
      const first = isoDate(year, month, 1)
      return addDays(first, ((7 - weekdayOf(first)) % 7) + 7 * (n - 1))
    }
    const day = fc.record({
      year: fc.integer({ min: 2007, max: 2035 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    fc.assert(
      fc.property(day, ({ year, month, day }) => {
        const date = isoDate(year, month, day)
        const summer = date >= nthSunday(year, 3, 2) && date < nthSunday(year, 11, 1)
        expect(zonedTimeToUtc(date, '13:00', NEW_YORK)).toBe(`${date}T${summer ? '17' : '18'}:00:00.000Z`)
      }),
    )
  })

  it('returns the earliest instant whose wall clock reads the given date and time', () => {
    const zones = [
      NEW_YORK,
      'Europe/London',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Asia/Kolkata',
      'Pacific/Apia',
      'America/Santiago',
    ]
    const instant = fc
      .integer({
        min: Date.parse('1990-01-01T00:00:00Z') / 60_000,
        max: Date.parse('2040-01-01T00:00:00Z') / 60_000,
      })
      .map((minutes) => new Date(minutes * 60_000).toISOString())
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (at, zone) => {
        const { date, time } = formatInZone(at, zone)
        const back = zonedTimeToUtc(date, time, zone)
        expect(back <= at).toBe(true)
        expect(formatInZone(back, zone)).toMatchObject({ date, time })
      }),
      { numRuns: 500 },
    )
  })
})

describe('utcOffsetAt', () => {
  it('gives the offset as a signed hours and minutes string', () => {
    expect(utcOffsetAt('2026-01-05T18:00:00.000Z', NEW_YORK)).toBe('-05:00')
    expect(utcOffsetAt('2026-07-06T17:00:00.000Z', NEW_YORK)).toBe('-04:00')
    expect(utcOffsetAt('2026-01-05T12:00:00Z', 'Asia/Kolkata')).toBe('+05:30')
    expect(utcOffsetAt('2026-01-05T12:00:00Z', 'Asia/Kathmandu')).toBe('+05:45')
    expect(utcOffsetAt('2026-01-05T12:00:00Z', 'UTC')).toBe('+00:00')
  })

  it('changes at the exact instant of a DST transition', () => {
    expect(utcOffsetAt('2026-03-08T06:59:59Z', NEW_YORK)).toBe('-05:00')
    expect(utcOffsetAt('2026-03-08T07:00:00Z', NEW_YORK)).toBe('-04:00')
  })

  it('accepts instants written with an offset rather than Z', () => {
    expect(utcOffsetAt('2026-01-05T13:00:00-05:00', NEW_YORK)).toBe('-05:00')
  })

  it('rejects instants without a zone, which Date would read in the host zone', () => {
    expect(() => utcOffsetAt('2026-01-05T13:00:00', NEW_YORK)).toThrow(RangeError)
    expect(() => utcOffsetAt('2026-01-05', NEW_YORK)).toThrow(RangeError)
    expect(() => utcOffsetAt('yesterday', NEW_YORK)).toThrow(RangeError)
  })
})

describe('formatInZone', () => {
  it('shows the local date, time and offset of an instant', () => {
    expect(formatInZone('2026-01-05T18:00:00.000Z', NEW_YORK)).toEqual({
      date: '2026-01-05',
      time: '13:00',
      offset: '-05:00',
    })
    expect(formatInZone('2026-01-05T03:00:00.000Z', NEW_YORK)).toEqual({
      date: '2026-01-04',
      time: '22:00',
      offset: '-05:00',
    })
    expect(formatInZone('2026-07-06T12:00:00.000Z', 'Europe/London')).toEqual({
      date: '2026-07-06',
      time: '13:00',
      offset: '+01:00',
    })
  })

  it('writes midnight as 00:00, not 24:00', () => {
    expect(formatInZone('2026-01-05T05:00:00.000Z', NEW_YORK).time).toBe('00:00')
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA zones and UTC', () => {
    for (const tz of [NEW_YORK, 'Europe/London', 'Asia/Kolkata', 'UTC'])
      expect(isValidTimeZone(tz), tz).toBe(true)
  })

  it('rejects unknown zones and the empty string', () => {
    for (const tz of ['America/Nowhere', 'Not a zone', '', 'EST5EDT/extra'])
      expect(isValidTimeZone(tz), tz).toBe(false)
  })
})

describe('isClockTime', () => {
  it('accepts 24-hour HH:MM times only', () => {
    expect(['00:00', '13:00', '23:59'].every(isClockTime)).toBe(true)
    expect(['24:00', '1:00', '13:60', '13:00:00', '1pm', ''].some(isClockTime)).toBe(false)
  })
})
