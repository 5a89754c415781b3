import { describe, expect, it } from 'vitest'
import { fixture, NY } from './fixtures.test-support.ts'
import { parseAttendanceReport } from './index.ts'

describe('Google Meet attendance CSV', () => {
  it('reads the sample: first and last names, hr/min durations, times on the call’s date', async () => {
    const report = await parseAttendanceReport(fixture('google_meet_attendance.csv'), {
      callDate: '2025-01-14',
      timeZone: NY,
    })
    expect(report.format).toBe('meet')
    expect(report.participants.map((p) => [p.name, p.email, p.seconds, p.firstJoin, p.lastLeave])).toEqual([
      [
        'Jordan Rivera',
        'jrivera@example.org',
        66 * 60,
        '2025-01-14T09:58:00-05:00',
        '2025-01-14T11:04:00-05:00',
      ],
      [
        'Dana Whitfield',
        'dwhitfield@example.org',
        64 * 60,
        '2025-01-14T10:00:00-05:00',
        '2025-01-14T11:04:00-05:00',
      ],
      [
        'Marcus Oyelaran',
        'moyelaran@example.org',
        58 * 60,
        '2025-01-14T10:01:00-05:00',
        '2025-01-14T11:03:00-05:00',
      ],
      [
        'Priya Raman',
        'praman@partner.example.org',
        57 * 60,
        '2025-01-14T10:02:00-05:00',
        '2025-01-14T10:59:00-05:00',
      ],
      [
        'Sofía García Núñez',
        'sgarcia@example.org',
        30 * 60,
        '2025-01-14T10:15:00-05:00',
        '2025-01-14T10:45:00-05:00',
      ],
      // Ted's duration is what he was present (15 min), not the span from join to exit.
      ['Ted Kowalski', null, 15 * 60, '2025-01-14T10:20:00-05:00', '2025-01-14T10:55:00-05:00'],
    ])
  })

  it('states no date: Meet gives times of day only', async () => {
    const report = await parseAttendanceReport(fixture('meet_single_name.csv'), {
      callDate: '2026-03-09',
      timeZone: NY,
    })
    expect(report.statedDates).toEqual([])
  })

  it('reads a single Name column, merges rejoins and carries an exit past midnight to the next day', async () => {
    const report = await parseAttendanceReport(fixture('meet_single_name.csv'), {
      callDate: '2026-03-09',
      timeZone: NY,
    })
    expect(report).toMatchObject({
      format: 'meet',
      participants: [
        {
          name: 'Marcus Oyelaran',
          rawName: 'Oyelaran, Marcus',
          email: 'moyelaran@example.org',
          seconds: 62 * 60,
          firstJoin: '2026-03-09T13:00:00-04:00',
          lastLeave: '2026-03-09T14:02:00-04:00',
        },
        {
          name: 'Maja Lindqvist',
          rawName: 'Maja L (Maja Lindqvist)',
          email: 'maja@example.org',
          seconds: 50 * 60,
          firstJoin: '2026-03-09T13:05:00-04:00',
          lastLeave: '2026-03-09T14:00:00-04:00',
        },
        {
          name: 'Night Owl',
          rawName: 'Night Owl',
          email: null,
          seconds: 30 * 60,
          firstJoin: '2026-03-09T23:50:00-04:00',
          lastLeave: '2026-03-10T00:20:00-04:00',
        },
      ],
    })
  })
})
