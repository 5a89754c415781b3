import { describe, expect, it } from 'vitest'
import { breakPoints } from './breakable-text.tsx'
import {
  formatDate,
  formatInstantInZone,
  formatTimeInZone,
  formatWeekdayDate,
  formatZoneName,
} from './format.ts'
import { formatAuditValue, isoInstant } from './format-instant.ts'

describe("the network's one way to write dates and times", () => {
  it('writes an instant in the zone it is given, whatever offset it came in', () => {
    expect(formatInstantInZone('2026-11-26T19:03:22.123456Z', 'America/New_York')).toBe(
      'November 26, 2026, 2:03 pm ET',
    )
    expect(formatInstantInZone('2026-07-01T00:30:00-05:00', 'America/Los_Angeles')).toBe(
      'June 30, 2026, 10:30 pm PT',
    )
    expect(formatInstantInZone('2026-01-01T05:30:00Z', 'UTC')).toBe('January 1, 2026, 5:30 am UTC')
    expect(formatTimeInZone('2026-11-30T18:00:00Z', 'America/Chicago')).toBe('12:00 pm CT')
  })

  it('writes a date the same way alone, with its weekday, and inside a date with a time', () => {
    expect(formatDate('2026-11-26')).toBe('November 26, 2026')
    expect(formatWeekdayDate('2026-11-30')).toBe('Monday, November 30, 2026')
    expect(
      formatInstantInZone('2026-11-26T19:03:00Z', 'America/New_York').startsWith(formatDate('2026-11-26')),
    ).toBe(true)
  })

  it('names a zone as people do', () => {
    expect(formatZoneName('America/New_York', '2026-12-07T18:00:00Z')).toBe('Eastern Time (ET)')
    expect(formatZoneName('America/Los_Angeles', '2026-07-07T18:00:00Z')).toBe('Pacific Time (PT)')
  })

  it('returns text it cannot read as it is', () => {
    expect(formatInstantInZone('not a time', 'America/New_York')).toBe('not a time')
    expect(isoInstant('not a time')).toBeUndefined()
    expect(isoInstant('2026-11-26T14:03:22Z')).toBe('2026-11-26T14:03:22.000Z')
  })
})

describe('formatAuditValue', () => {
  it('shows strings as they are and everything else as JSON on one line', () => {
    expect(formatAuditValue('<b>hi</b>')).toBe('<b>hi</b>')
    expect(formatAuditValue(null)).toBe('null')
    expect(formatAuditValue(42)).toBe('42')
    expect(formatAuditValue(false)).toBe('false')
    expect(formatAuditValue(['CA', 'NV'])).toBe('[ "CA", "NV" ]')
    expect(formatAuditValue({ a: 'line\nbreak', b: [] })).toBe('{ "a": "line\\nbreak", "b": [] }')
    expect(formatAuditValue(undefined)).toBe('')
  })
})

describe('breakPoints', () => {
  it('leaves ordinary words whole and cuts long runs into pieces that join back', () => {
    expect(breakPoints('Before value')).toEqual(['Before value'])
    const url = 'Open https://hub.example.org/api/auth/magic-link/verify?token=abcdefghijklmnopqrstuvwxyz now'
    const pieces = breakPoints(url)
    expect(pieces.join('')).toBe(url)
    expect(pieces.length).toBeGreaterThan(5)
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(16 + 'Open '.length)
    expect(pieces[0]?.startsWith('Open https:')).toBe(true)
    expect(pieces.at(-1)?.endsWith(' now')).toBe(true)
    expect(breakPoints('')).toEqual([''])
  })
})
