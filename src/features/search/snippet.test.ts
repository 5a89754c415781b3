import { describe, expect, it } from 'vitest'
import { parseSnippet } from './snippet.ts'

const coded = (text: string) => text.replaceAll('[', '\u0001').replaceAll(']', '\u0002')
const shown = (text: string) =>
  parseSnippet(coded(text))
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('')

describe('parseSnippet', () => {
  it('keeps the matches apart from the text around them', () => {
    expect(parseSnippet(coded('Supply [chains] in Ohio.'))).toEqual([
      { text: 'Supply ', match: false },
      { text: 'chains', match: true },
      { text: ' in Ohio.', match: false },
    ])
  })

  it('says with an ellipsis where a snippet begins in the middle of a sentence', () => {
    expect(shown('credentials with its [colleges], and more')).toBe(
      '… credentials with its [colleges], and more',
    )
    expect(shown('[training] programs, and')).toBe('… [training] programs, and')
    expect(shown('ümlaut first, [then]')).toBe('… ümlaut first, [then]')
  })

  it('adds none to a snippet that begins a sentence, however it ends', () => {
    expect(shown('Tags: [marzipan] Stalls and stands')).toBe('Tags: [marzipan] Stalls and stands')
    expect(shown('Each started from a short list of [jobs].')).toBe(
      'Each started from a short list of [jobs].',
    )
    expect(shown('[Workforce] pipelines (2026)')).toBe('[Workforce] pipelines (2026)')
    expect(parseSnippet('')).toEqual([])
    expect(parseSnippet(null)).toEqual([])
  })
})
