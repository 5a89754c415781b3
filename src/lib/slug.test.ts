import { describe, expect, it } from 'vitest'
import { isSlug, isSlugPath, slugify } from './slug.ts'

describe('slugify', () => {
  it('keeps letters and digits and joins words with single hyphens', () => {
    expect(slugify('Greater Portland (Maine)')).toBe('greater-portland-maine')
    expect(slugify('Milwaukee 7')).toBe('milwaukee-7')
  })
  it('folds accents and spells out ampersands', () => {
    expect(slugify('Núñez & Sons')).toBe('nunez-and-sons')
  })
})

describe('isSlug', () => {
  it('takes what slugify makes and nothing with a capital, a space or a doubled hyphen', () => {
    expect(isSlug(slugify('Núñez & Sons'))).toBe(true)
    expect(isSlug('amp-socal-2026')).toBe(true)
    for (const bad of ['', 'Amp', 'amp socal', 'amp--socal', '-amp', 'amp-', 'amp_socal'])
      expect(isSlug(bad)).toBe(false)
  })
  it('reads a page address as slugs after slashes', () => {
    expect(isSlugPath('/about/advisory-board')).toBe(true)
    expect(isSlugPath('/about/')).toBe(false)
    expect(isSlugPath('about')).toBe(false)
  })
})
