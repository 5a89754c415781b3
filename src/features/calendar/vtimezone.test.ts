import { describe, expect, it } from 'vitest'
import { formatUtcOffset, offsetChanges, vtimezone } from './vtimezone.ts'

describe('offsetChanges', () => {
  it('finds New York switching to daylight time on 8 March 2026 at 2 am and back on 1 November', () => {
    const changes = offsetChanges('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))
    expect(changes).toEqual([
      { at: Date.parse('2026-03-08T07:00:00Z'), from: -300, to: -240 },
      { at: Date.parse('2026-11-01T06:00:00Z'), from: -240, to: -300 },
    ])
  })

  it('finds no change in a zone without daylight saving time', () => {
    expect(offsetChanges('America/Phoenix', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([])
  })
})

describe('vtimezone', () => {
  it('writes the New York changes as observances in local time, read on the clock before the change', () => {
    const text = vtimezone('America/New_York', 2026, 2026)
    expect(text.startsWith('BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n')).toBe(true)
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT',
    )
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD',
    )
    expect(text.endsWith('END:VTIMEZONE')).toBe(true)
  })

  it('gives a zone with one offset all year a single standard observance', () => {
    expect(vtimezone('Asia/Kolkata', 2026, 2026)).toBe(
      [
        'BEGIN:VTIMEZONE',
        'TZID:Asia/Kolkata',
        'BEGIN:STANDARD',
        'DTSTART:20260101T053000',
        'TZOFFSETFROM:+0530',
        'TZOFFSETTO:+0530',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n'),
    )
  })

  it('treats the southern summer as daylight time', () => {
    const text = vtimezone('Australia/Sydney', 2026, 2026)
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000',
    )
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100',
    )
  })
})

describe('formatUtcOffset', () => {
  it('writes offsets with a sign and four digits', () => {
    expect(formatUtcOffset(-300)).toBe('-0500')
    expect(formatUtcOffset(330)).toBe('+0530')
    expect(formatUtcOffset(0)).toBe('+0000')
    expect(formatUtcOffset(-30)).toBe('-0030')
  })
})
