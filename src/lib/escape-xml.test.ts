import { describe, expect, it } from 'vitest'
import { escapeXml } from './text.ts'

describe('escapeXml', () => {
  it('escapes the five characters that are special in XML text and attributes', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('leaves ordinary text, including non-ASCII, unchanged', () => {
    expect(escapeXml('Doña Ana County, NM')).toBe('Doña Ana County, NM')
  })

  it('removes what XML cannot carry, such as control characters', () => {
    expect(escapeXml('a\u0000b\u0008c\ufffe')).toBe('abc')
    expect(escapeXml('tab\tline\n')).toBe('tab\tline\n')
  })

  it('escapes an existing entity again, so user text is shown as typed', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;')
  })
})
