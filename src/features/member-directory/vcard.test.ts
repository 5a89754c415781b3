import { describe, expect, it } from 'vitest'
import { escapeText, foldLine } from './vcard.ts'

describe('vCard text', () => {
  it('escapes backslashes, commas, semicolons and every kind of line break', () => {
    expect(escapeText('a\\b, c; d\r\ne\nf\rg')).toBe('a\\\\b\\, c\\; d\\ne\\nf\\ng')
  })

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the same line', () => {
    const line = `FN:${'Zoë Ñúñez '.repeat(20)}`
    const folded = foldLine(line)
    const physical = folded.split('\r\n')
    expect(physical.length).toBeGreaterThan(1)
    for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true)
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    expect(folded).not.toContain('\uFFFD')
  })
})
