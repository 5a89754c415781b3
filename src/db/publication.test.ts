import { describe, expect, it } from 'vitest'
import { isLive } from './publication.ts'

describe('isLive', () => {
  const now = new Date('2026-12-07T14:00:00Z')
  it('is out when published, or scheduled and due; never as a draft', () => {
    expect(isLive({ status: 'published', publishAt: null }, now)).toBe(true)
    expect(isLive({ status: 'scheduled', publishAt: '2026-12-07T14:00:00Z' }, now)).toBe(true)
    expect(isLive({ status: 'scheduled', publishAt: '2026-12-07T14:00:01Z' }, now)).toBe(false)
    expect(isLive({ status: 'draft', publishAt: '2020-01-01T00:00:00Z' }, now)).toBe(false)
  })
})
