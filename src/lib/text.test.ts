import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeHtml, isPlainText, isSingleLine, multiLine, singleLine, singleLineProblem } from './text.ts'

const refusedOnOneLine = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i),
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((code) => String.fromCodePoint(code))

/** Text with none of the refused characters: letters of any script, accents, emoji, punctuation. */
const ordinary = fc
  .string({ unit: 'grapheme', maxLength: 60 })
  .filter((s) => !refusedOnOneLine.some((c) => s.includes(c)))

describe('the single-line rule', () => {
  it('refuses the phishing full name of the probe, saying what was expected', () => {
    expect(singleLineProblem('Jane\r\nVisit https://evil.example', 'full name')).toBe(
      'The full name must be one line of text, without line breaks or control characters.',
    )
  })

  it.each(refusedOnOneLine.map((c) => [`U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`, c]))(
    'refuses %s anywhere in the text',
    (_, c) => {
      expect(isSingleLine(`Jane${c}Doe`)).toBe(false)
      expect(isSingleLine(c)).toBe(false)
    },
  )

  it('accepts names in any script, with accents, apostrophes and emoji', () => {
    for (const name of ['Zoë O’Brien-Núñez', '山田 太郎', 'محمد علي', 'José 🚀 María', 'AMP SoCal (USC)'])
      expect(isSingleLine(name)).toBe(true)
  })

  it('accepts any text without a refused character, and refuses it with one inserted anywhere', () => {
    fc.assert(
      fc.property(ordinary, ordinary, fc.constantFrom(...refusedOnOneLine), (before, after, bad) => {
        expect(isSingleLine(before + after)).toBe(true)
        expect(isSingleLine(before + bad + after)).toBe(false)
      }),
    )
  })

  it('works as a zod schema, before the schema trims', () => {
    const schema = singleLine('title').trim()
    expect(schema.safeParse('  Budget call ').data).toBe('Budget call')
    const refused = schema.safeParse('Budget\ncall')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe(
      'The title must be one line of text, without line breaks or control characters.',
    )
    // Trailing line breaks are refused too: the rule reads the text as sent.
    expect(schema.safeParse('Budget call\n').success).toBe(false)
  })
})

describe('the multi-line rule', () => {
  it('keeps line breaks and tabs, refuses NUL and the other controls', () => {
    expect(isPlainText('Agenda:\r\n1.\tBudget\n2. Vote\u2028')).toBe(true)
    for (const c of ['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b'])
      expect(isPlainText(`Agenda${c}`)).toBe(false)
    expect(multiLine('agenda').safeParse('a\u0000b').error?.issues[0]?.message).toBe(
      'The agenda must be plain text, without control characters other than line breaks and tabs.',
    )
  })

  it('accepts every single-line text', () => {
    fc.assert(fc.property(ordinary, (text) => isPlainText(text)))
  })
})

describe('escapeHtml', () => {
  it('leaves nothing that could open a tag or close a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;',
    )
    fc.assert(fc.property(fc.string(), (text) => !/[<>"']/.test(escapeHtml(text))))
  })
})
