import { describe, expect, it } from 'vitest'
import { organizationEditSchema, parseOrganizationEdit, splitLines } from './edit.ts'

const valid = {
  summary: '  A regional partnership for advanced manufacturing.  ',
  website: 'https://amp-socal.example.org/about',
  focusIndustries: 'Aerospace and defense\r\n\r\n  Space  \n',
  partners: 'Port of Long Beach\nCal State LA\n',
}

describe('the organisation profile form schema', () => {
  it('trims the summary and splits the lists into lines, dropping blank ones', () => {
    const parsed = organizationEditSchema.parse(valid)
    expect(parsed).toEqual({
      summary: 'A regional partnership for advanced manufacturing.',
      website: 'https://amp-socal.example.org/about',
      focusIndustries: ['Aerospace and defense', 'Space'],
      partners: ['Port of Long Beach', 'Cal State LA'],
    })
  })

  it('stores empty fields as nothing: no summary, no website, empty lists', () => {
    expect(
      organizationEditSchema.parse({ summary: ' ', website: '', focusIndustries: '', partners: '\n' }),
    ).toEqual({ summary: null, website: null, focusIndustries: [], partners: [] })
  })

  it('keeps a repeated line once, in the order first given', () => {
    expect(splitLines('B\nA\nB\r\nC\rA')).toEqual(['B', 'A', 'C'])
  })

  it('accepts a summary of exactly 2,000 characters and refuses 2,001 with the count', () => {
    expect(parseOrganizationEdit({ ...valid, summary: 'x'.repeat(2000) }).ok).toBe(true)
    const result = parseOrganizationEdit({ ...valid, summary: 'x'.repeat(2001) })
    expect(result.ok).toBe(false)
    expect(result.ok ? {} : result.errors).toEqual({
      summary: 'Write at most 2,000 characters (this summary has 2,001).',
    })
  })

  it.each([
    ['no scheme', 'amp-socal.example.org'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['an ftp address', 'ftp://example.org'],
    ['a space inside', 'https://exa mple.org'],
    ['no dot in the host', 'https://localhost'],
  ])('refuses a website with %s and says what is expected', (_case, website) => {
    const result = parseOrganizationEdit({ ...valid, website })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.website).toMatch(/starting with http:\/\/ or https:\/\//)
  })

  it('accepts http and https addresses up to 300 characters, and refuses longer ones', () => {
    expect(parseOrganizationEdit({ ...valid, website: 'http://example.org' }).ok).toBe(true)
    const long = `https://example.org/${'a'.repeat(280)}`
    expect(long).toHaveLength(300)
    expect(parseOrganizationEdit({ ...valid, website: long }).ok).toBe(true)
    const result = parseOrganizationEdit({ ...valid, website: `${long}b` })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors.website).toBe('A web address can be at most 300 characters (this one has 301).')
  })

  it('refuses an eleventh focus industry and a focus line over 100 characters', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Industry ${i + 1}`).join('\n')
    const tooMany = parseOrganizationEdit({ ...valid, focusIndustries: eleven })
    expect(tooMany.ok).toBe(false)
    expect(tooMany.ok ? {} : tooMany.errors).toEqual({
      focusIndustries: 'List at most 10 focus industries, one a line (this list has 11).',
    })
    const ten = Array.from({ length: 10 }, (_, i) => `Industry ${i + 1}`).join('\n')
    expect(parseOrganizationEdit({ ...valid, focusIndustries: ten }).ok).toBe(true)
    const long = parseOrganizationEdit({ ...valid, focusIndustries: `Space\n${'y'.repeat(101)}` })
    expect(long.ok).toBe(false)
    expect(long.ok ? {} : long.errors).toEqual({
      focusIndustries: 'Each focus industry can be at most 100 characters; line 2 has 101.',
    })
  })

  it('takes up to 500 partners of 200 characters and refuses more', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Partner ${i + 1}`).join('\n')
    const ok = organizationEditSchema.parse({ ...valid, partners: names(500) })
    expect(ok.partners).toHaveLength(500)
    const tooMany = parseOrganizationEdit({ ...valid, partners: names(501) })
    expect(tooMany.ok).toBe(false)
    if (!tooMany.ok) expect(tooMany.errors.partners).toMatch(/^List at most 500 partner organisations/)
    const tooLong = parseOrganizationEdit({ ...valid, partners: 'z'.repeat(201) })
    expect(tooLong.ok).toBe(false)
    if (!tooLong.ok)
      expect(tooLong.errors.partners).toBe('Each partner name can be at most 200 characters; line 1 has 201.')
  })

  it('names every field that needs a change, one message each', () => {
    const result = parseOrganizationEdit({
      summary: 's'.repeat(2001),
      website: 'nope',
      focusIndustries: 'f'.repeat(101),
      partners: 'p'.repeat(201),
    })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(['focusIndustries', 'partners', 'summary', 'website'])
  })

  it('refuses a form with a field missing, and text with a NUL character', () => {
    const { partners: _left, ...withoutPartners } = valid
    const result = parseOrganizationEdit(withoutPartners)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors).toEqual({
        partners: 'This field was missing from the form. Reload the page and try again.',
      })
    const nul = parseOrganizationEdit({ ...valid, summary: 'a\u0000b' })
    expect(nul.ok).toBe(false)
    if (!nul.ok) expect(nul.errors.summary).toMatch(/NUL/)
  })

  it('keeps markup and SQL characters as they were typed', () => {
    const text = `<script>alert(1)</script> '; DROP TABLE organizations; -- "\\ 100% _x_`
    const parsed = organizationEditSchema.parse({ ...valid, summary: text, partners: text })
    expect(parsed.summary).toBe(text)
    expect(parsed.partners).toEqual([text])
  })
})
