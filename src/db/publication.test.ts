import { describe, expect, it } from 'vitest'
import { isLive, publicationTime } from './publication.ts'

describe('isLive', () => {
  const now = new Date('2026-12-07T14:00:00Z')
  it('is out when published, or scheduled and due; never as a draft', () => {
    expect(isLive({ status: 'published', publishAt: null }, now)).toBe(true)
    expect(isLive({ status: 'scheduled', publishAt: '2026-12-07T14:00:00Z' }, now)).toBe(true)
    expect(isLive({ status: 'scheduled', publishAt: '2026-12-07T14:00:01Z' }, now)).toBe(false)
    expect(isLive({ status: 'draft', publishAt: '2020-01-01T00:00:00Z' }, now)).toBe(false)
  })
})

describe('publicationTime: when a page or post goes out, from the editor', () => {
  const now = new Date('2026-12-07T14:00:00Z')
  const context = { now, timeZone: 'America/New_York' }
  const choose = (status: 'draft' | 'scheduled' | 'published', date = '', time = '') => ({
    status,
    date,
    time,
  })

  it('schedules only with a date and time after now, read in the network’s zone', () => {
    expect(publicationTime(choose('scheduled', '2026-12-08', '09:00'), context)).toEqual({
      ok: true,
      status: 'scheduled',
      publishAt: '2026-12-08T14:00:00.000Z',
    })
    expect(publicationTime(choose('scheduled'), context)).toMatchObject({ ok: false, field: 'date' })
    expect(publicationTime(choose('scheduled', '2026-12-08'), context)).toMatchObject({
      ok: false,
      field: 'time',
    })
    expect(publicationTime(choose('scheduled', '2026-12-07', '09:00'), context)).toMatchObject({
      ok: false,
      field: 'date',
      message: expect.stringContaining('after now'),
    })
  })

  it('lets a draft go without a date, the same rule for a page and a post', () => {
    expect(publicationTime(choose('draft'), context)).toEqual({ ok: true, status: 'draft', publishAt: null })
    expect(publicationTime(choose('draft', '2026-12-24', '10:00'), context)).toMatchObject({
      ok: true,
      publishAt: '2026-12-24T15:00:00.000Z',
    })
    expect(publicationTime(choose('draft', '2026-02-30', '10:00'), context)).toMatchObject({
      ok: false,
      field: 'date',
    })
  })

  it('publishes now, keeps the time an item went out, or takes a past date; never one to come', () => {
    expect(publicationTime(choose('published'), context)).toMatchObject({ publishAt: now.toISOString() })
    const previous = { status: 'published' as const, publishAt: '2026-01-05T15:00:00.000Z' }
    expect(publicationTime(choose('published'), { ...context, previous })).toMatchObject({
      publishAt: '2026-01-05T15:00:00.000Z',
    })
    const notOutYet = { status: 'draft' as const, publishAt: '2026-01-05T15:00:00.000Z' }
    expect(publicationTime(choose('published'), { ...context, previous: notOutYet })).toMatchObject({
      publishAt: now.toISOString(),
    })
    expect(publicationTime(choose('published', '2016-05-02', '08:00'), context)).toMatchObject({
      publishAt: '2016-05-02T12:00:00.000Z',
    })
    expect(publicationTime(choose('published', '2026-12-24', '10:00'), context)).toMatchObject({
      ok: false,
      message: expect.stringContaining('choose Scheduled'),
    })
  })
})
