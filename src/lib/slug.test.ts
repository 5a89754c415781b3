import { describe, expect, it } from 'vitest'
import { slugify } from './slug.ts'

describe('slugify', () => {
  it('keeps letters and digits and joins words with single hyphens', () => {
    expect(slugify('Greater Portland (Maine)')).toBe('greater-portland-maine')
    expect(slugify('Milwaukee 7')).toBe('milwaukee-7')
  })
  it('folds accents and spells out ampersands', () => {
    expect(slugify('Núñez & Sons')).toBe('nunez-and-sons')
  })
})
