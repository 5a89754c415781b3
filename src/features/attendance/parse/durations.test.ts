import { describe, expect, it } from 'vitest'
import { parseDuration } from './durations.ts'

describe('parseDuration', () => {
  it.each([
    ['1h 13m 42s', 3600 + 13 * 60 + 42],
    ['59m 29s', 59 * 60 + 29],
    ['3h 26s', 3 * 3600 + 26],
    ['4m 46s', 4 * 60 + 46],
    ['45s', 45],
    ['1 hr 2 min', 3600 + 120],
    ['58 min', 58 * 60],
    ['2 hrs', 7200],
    ['1 hour 5 minutes', 3900],
    ['65', 65 * 60],
    [' 0 ', 0],
    ['1:02:03', 3723],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })

  it.each(['', 'ten', '5 parsecs', '1h 1h', '1h and 2m', '-5', `${'9'.repeat(50)} fortnights`])(
    '%s is unreadable',
    (text) => {
      expect(parseDuration(text)).toBeNull()
    },
  )
})
