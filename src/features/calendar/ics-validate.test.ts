import { describe, expect, it } from 'vitest'
import { icsEvents, unescapeText, unfold, validateIcs } from './ics-validate.ts'

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`

const zone = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:STANDARD',
  'DTSTART:20260101T000000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0500',
  'END:STANDARD',
  'END:VTIMEZONE',
]
const event = [
  'BEGIN:VEVENT',
  'UID:1@example.org',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=America/New_York:20260105T130000',
  'DTEND;TZID=America/New_York:20260105T133000',
  'STATUS:CONFIRMED',
  'END:VEVENT',
]
const valid = crlf('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...zone, ...event, 'END:VCALENDAR')

describe('validateIcs', () => {
  it('accepts a well-formed calendar', () => {
    expect(validateIcs(valid)).toEqual([])
  })

  it('refuses LF line endings and a missing final CRLF', () => {
    const errors = validateIcs(valid.replace(/\r\n/g, '\n').trimEnd())
    expect(errors).toContain('The last line does not end with CRLF.')
    expect(errors.some((e) => e.includes('bare CR or LF'))).toBe(true)
  })

  it('refuses a line longer than 75 octets, counting multi-byte characters by their bytes', () => {
    // 70 characters, but "é" takes two octets each: 8 + 30 × 2 + 32 = 100 octets.
    const long = `SUMMARY:${'é'.repeat(30)}${'x'.repeat(32)}`
    const errors = validateIcs(valid.replace('STATUS:CONFIRMED', long))
    expect(errors).toContain('Line 17 is 100 octets long; lines must be folded at 75.')
  })

  it('accepts folded lines and unfolds them', () => {
    const folded = valid.replace('STATUS:CONFIRMED', `SUMMARY:${'a'.repeat(60)}\r\n ${'b'.repeat(60)}`)
    expect(validateIcs(folded)).toEqual([])
    expect(icsEvents(folded)[0]?.SUMMARY?.value).toBe(`${'a'.repeat(60)}${'b'.repeat(60)}`)
  })

  it('reports unbalanced BEGIN and END', () => {
    const errors = validateIcs(valid.replace('END:VEVENT\r\n', ''))
    expect(errors).toContain('END:VCALENDAR does not close BEGIN:VEVENT.')
    expect(errors).toContain('BEGIN:VEVENT is never closed.')
  })

  it('requires VERSION 2.0 and a PRODID', () => {
    const errors = validateIcs(
      valid.replace('VERSION:2.0', 'VERSION:1.0').replace('PRODID:-//Test//EN\r\n', ''),
    )
    expect(errors).toContain('VERSION is 1.0, not 2.0.')
    expect(errors).toContain('VCALENDAR must have exactly one PRODID, it has 0.')
  })

  it('requires UID, DTSTAMP and DTSTART on each event', () => {
    const bare = crlf(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:x',
      'BEGIN:VEVENT',
      'SUMMARY:x',
      'END:VEVENT',
      'END:VCALENDAR',
    )
    expect(validateIcs(bare)).toEqual([
      'VEVENT must have exactly one UID, it has 0.',
      'VEVENT (no UID) must have exactly one DTSTAMP, it has 0.',
      'VEVENT (no UID) must have exactly one DTSTART, it has 0.',
    ])
  })

  it('requires a VTIMEZONE for every TZID an event uses', () => {
    const withoutZone = crlf('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', ...event, 'END:VCALENDAR')
    expect(validateIcs(withoutZone)).toContain(
      'VEVENT 1@example.org DTSTART uses TZID America/New_York with no VTIMEZONE.',
    )
  })

  it('requires DTSTAMP in UTC', () => {
    expect(validateIcs(valid.replace('DTSTAMP:20260101T000000Z', 'DTSTAMP:20260101T000000'))).toContain(
      'VEVENT 1@example.org DTSTAMP must be a UTC date-time.',
    )
  })

  it('reports a UID used by two events', () => {
    const twice = crlf(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:x',
      ...zone,
      ...event,
      ...event,
      'END:VCALENDAR',
    )
    expect(validateIcs(twice)).toEqual(['UID 1@example.org is used twice.'])
  })
})

describe('unfold and unescapeText', () => {
  it('joins continuation lines and reads escaped text', () => {
    expect(unfold('A:1\r\n 2\r\nB:3\r\n')).toEqual(['A:12', 'B:3'])
    expect(unescapeText('Cancelled: Labor Day\\, federal holiday\\nAgenda\\; more\\\\')).toBe(
      'Cancelled: Labor Day, federal holiday\nAgenda; more\\',
    )
  })
})
