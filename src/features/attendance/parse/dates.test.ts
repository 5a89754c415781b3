import { describe, expect, it } from 'vitest'
import { chooseDayOrder, readClockTime, readDateTime, toIso } from './dates.ts'

describe('chooseDayOrder', () => {
  it('reads a 12-hour clock as the US month-first order, whatever the call’s date', () => {
    expect(chooseDayOrder(['03/11/2025 01:58:12 PM'], '2025-11-03')).toBe('us')
    expect(chooseDayOrder(['03/11/2025 02:00:31 PM'], '2025-03-11')).toBe('us')
    expect(chooseDayOrder(['10/03/2025 02:00:00 PM'], '2025-03-10')).toBe('us')
  })

  it('lets the call date decide only when the file gives no clue (a 24-hour clock, both orders valid)', () => {
    expect(chooseDayOrder(['10/03/2025 14:00:00'], '2025-03-10')).toBe('uk')
    expect(chooseDayOrder(['10/03/2025 14:00:00'], '2025-10-03')).toBe('us')
  })

  it('takes the only order under which every date is valid, before any other clue', () => {
    expect(chooseDayOrder(['7/20/23, 4:16:29 PM'], '2023-07-20')).toBe('us')
    expect(chooseDayOrder(['15/11/22, 09:30:17'], '2022-11-15')).toBe('uk')
    expect(chooseDayOrder(['15/11/22, 9:30:17 AM'], '2022-11-15')).toBe('uk')
    expect(chooseDayOrder(['01/02/2025 10:00', '13/02/2025 10:00'], '2025-01-02')).toBe('uk')
  })
})

describe('readDateTime', () => {
  it('reads the US and UK forms with and without seconds, 12- and 24-hour', () => {
    expect(readDateTime('7/20/23, 4:16:29 PM', 'us')).toEqual({
      date: '2023-07-20',
      hour: 16,
      minute: 16,
      second: 29,
    })
    expect(readDateTime('15/11/22, 09:30:17', 'uk')).toEqual({
      date: '2022-11-15',
      hour: 9,
      minute: 30,
      second: 17,
    })
    expect(readDateTime('03/11/2025 12:05 AM', 'us')).toEqual({
      date: '2025-03-11',
      hour: 0,
      minute: 5,
      second: 0,
    })
    expect(readDateTime('03/11/2025 12:05:00 PM', 'us')?.hour).toBe(12)
    expect(readDateTime('2025-03-11 13:58:12', 'us')).toEqual({
      date: '2025-03-11',
      hour: 13,
      minute: 58,
      second: 12,
    })
  })

  it('gives null for an empty cell and undefined for nonsense', () => {
    expect(readDateTime('  ', 'us')).toBeNull()
    for (const bad of [
      'yesterday',
      '2/30/2025 10:00',
      '3/11/2025 13:00 PM',
      '3/11/2025 10:61',
      '13/13/2025 10:00',
    ])
      expect(readDateTime(bad, 'us')).toBeUndefined()
  })
})

describe('readClockTime', () => {
  it('puts a time of day on the call’s date', () => {
    expect(readClockTime('10:04 AM', '2025-01-14')).toEqual({
      date: '2025-01-14',
      hour: 10,
      minute: 4,
      second: 0,
    })
    expect(readClockTime('9:58 pm', '2025-01-14')?.hour).toBe(21)
    expect(readClockTime('', '2025-01-14')).toBeNull()
    expect(readClockTime('soon', '2025-01-14')).toBeUndefined()
  })
})

describe('toIso', () => {
  it('writes the offset the call’s zone has at that time, across DST', () => {
    const t = { hour: 13, minute: 2, second: 11 }
    expect(toIso({ date: '2026-03-09', ...t }, 'America/New_York')).toBe('2026-03-09T13:02:11-04:00')
    expect(toIso({ date: '2026-03-02', ...t }, 'America/New_York')).toBe('2026-03-02T13:02:11-05:00')
    expect(toIso({ date: '2026-03-09', ...t }, 'Asia/Kolkata')).toBe('2026-03-09T13:02:11+05:30')
    expect(toIso({ date: '2026-03-09', ...t }, 'UTC')).toBe('2026-03-09T13:02:11+00:00')
  })
})
