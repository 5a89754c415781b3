import { describe, expect, it } from 'vitest'
import { breakPoints } from './breakable-text.tsx'
import { formatAuditValue, formatInstantUtc, isoInstant } from './format-instant.ts'

describe('formatInstantUtc', () => {
  it('writes an instant in UTC whatever offset it was given in', () => {
    expect(formatInstantUtc('2026-11-26T14:03:22.123456Z')).toBe('Nov 26, 2026, 14:03:22 UTC')
    expect(formatInstantUtc('2026-01-01T00:30:00-05:00')).toBe('Jan 1, 2026, 05:30:00 UTC')
    expect(formatInstantUtc(new Date(Date.UTC(2025, 6, 4, 9, 5, 7)))).toBe('Jul 4, 2025, 09:05:07 UTC')
  })

  it('returns text it cannot read as it is', () => {
    expect(formatInstantUtc('not a time')).toBe('not a time')
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
