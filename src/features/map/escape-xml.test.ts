import { describe, expect, it } from 'vitest'
import { escapeXml } from './escape-xml.ts'

describe('escapeXml', () => {
  it('escapes the five characters that are special in XML text and attributes', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('leaves ordinary text, including non-ASCII, unchanged', () => {
    expect(escapeXml('Doña Ana County, NM')).toBe('Doña Ana County, NM')
  })

  it('escapes an existing entity again, so user text is shown as typed', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;')
  })
})
