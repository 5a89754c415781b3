import { describe, expect, it } from 'vitest'
import { digestWeek } from './digest-week.ts'

describe('the digest week', () => {
  it('starts on the Monday of the day given and covers the seven days before it', () => {
    for (const today of ['2026-12-21', '2026-12-23', '2026-12-27'])
      expect(digestWeek(today)).toEqual({ weekStart: '2026-12-21', from: '2026-12-14', until: '2026-12-21' })
  })

  it('crosses the year and a daylight-saving change as plain dates', () => {
    expect(digestWeek('2027-01-01').weekStart).toBe('2026-12-28')
    expect(digestWeek('2026-03-09')).toEqual({
      weekStart: '2026-03-09',
      from: '2026-03-02',
      until: '2026-03-09',
    })
  })
})
