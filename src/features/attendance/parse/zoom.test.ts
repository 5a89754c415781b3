import { describe, expect, it } from 'vitest'
import { isAppError } from '#src/lib/errors.ts'
import { fixture, NY } from './fixtures.test-support.ts'
import { parseAttendanceReport } from './index.ts'

const parse = (name: string, callDate: string) =>
  parseAttendanceReport(fixture(name), { callDate, timeZone: NY })

describe('Zoom participants CSV', () => {
  it('reads the legacy sample with its meeting-data preamble, merging Marcus’s rejoin', async () => {
    const report = await parse('zoom_participants_with_meeting_data.csv', '2025-03-11')
    expect(report.format).toBe('zoom')
    expect(report.participants).toEqual([
      {
        name: 'Dana Whitfield',
        rawName: 'Dana Whitfield (Host)',
        email: 'coordinator@example.org',
        seconds: 65 * 60,
        firstJoin: '2025-03-11T13:58:12-04:00',
        lastLeave: '2025-03-11T15:02:45-04:00',
      },
      {
        name: 'Marcus Oyelaran',
        rawName: 'Marcus Oyelaran',
        email: 'moyelaran@example.org',
        seconds: (41 + 19) * 60,
        firstJoin: '2025-03-11T14:00:31-04:00',
        lastLeave: '2025-03-11T15:02:40-04:00',
      },
      {
        name: 'Priya Raman',
        rawName: 'Priya Raman (Alamo Mfg Partnership)',
        email: null,
        seconds: 62 * 60,
        firstJoin: '2025-03-11T14:01:10-04:00',
        lastLeave: '2025-03-11T15:02:44-04:00',
      },
      {
        name: 'Ted Kowalski',
        rawName: 'Kowalski, Ted',
        email: 'tkowalski@example.org',
        seconds: 53 * 60,
        firstJoin: '2025-03-11T14:05:48-04:00',
        lastLeave: '2025-03-11T14:58:02-04:00',
      },
      {
        name: 'Jamie-iPhone',
        rawName: 'Jamie-iPhone',
        email: null,
        seconds: 18 * 60,
        firstJoin: '2025-03-11T14:12:20-04:00',
        lastLeave: '2025-03-11T14:30:00-04:00',
      },
      {
        name: '+1 414 ***-**21',
        rawName: '+1 414 ***-**21',
        email: null,
        seconds: 47 * 60,
        firstJoin: '2025-03-11T14:15:03-04:00',
        lastLeave: '2025-03-11T15:01:59-04:00',
      },
    ])
  })

  it('reads the US export’s 03/11/2025 02:00:31 PM as 11 March, whatever the call’s date', async () => {
    for (const callDate of ['2025-03-11', '2025-11-03']) {
      const report = await parse('zoom_participants_with_meeting_data.csv', callDate)
      expect(report.participants[1]?.firstJoin).toBe('2025-03-11T14:00:31-04:00')
    }
  })

  it('states the dates it gives: the preamble’s start and the join times, in the file’s own order', async () => {
    const participants = await parse('zoom_participants_with_meeting_data.csv', '2025-11-03')
    expect(participants.statedDates).toEqual(['2025-03-11'])
    // The unique-users variant has no times a person: its preamble's start time is its date.
    const unique = await parse('zoom_participants_unique_users.csv', '2025-11-03')
    expect(unique.statedDates).toEqual(['2025-03-11'])
    const uk = await parse('zoom_sentence_case_bom.csv', '2026-03-09')
    expect(uk.statedDates).toEqual(['2026-03-09'])
  })

  it('reads the unique-users variant: one row per person, no times', async () => {
    const report = await parse('zoom_participants_unique_users.csv', '2025-03-11')
    expect(report.format).toBe('zoom-unique')
    expect(
      report.participants.map((p) => [p.name, p.email, p.seconds / 60, p.firstJoin, p.lastLeave]),
    ).toEqual([
      ['Dana Whitfield', 'coordinator@example.org', 65, null, null],
      ['Marcus Oyelaran', 'moyelaran@example.org', 60, null, null],
      ['Priya Raman', null, 62, null, null],
      ['Ted Kowalski', 'tkowalski@example.org', 53, null, null],
      ['Jamie-iPhone', null, 18, null, null],
      ['+1 414 ***-**21', null, 47, null, null],
    ])
  })

  it('reads the sentence-case export with a UTF-8 BOM, the newer preamble and UK dates', async () => {
    const report = await parse('zoom_sentence_case_bom.csv', '2026-03-09')
    expect(report.format).toBe('zoom')
    expect(report.participants).toEqual([
      {
        name: 'Dana Whitfield',
        rawName: 'Dana Whitfield (Host)',
        email: 'coordinator@example.org',
        seconds: 32 * 60,
        firstJoin: '2026-03-09T13:00:02-04:00',
        lastLeave: '2026-03-09T13:31:40-04:00',
      },
      {
        name: 'Maja Lindqvist',
        rawName: 'Maja L (Maja Lindqvist)',
        email: 'maja.lindqvist@example.org',
        seconds: (8 + 18) * 60,
        firstJoin: '2026-03-09T13:02:11-04:00',
        lastLeave: '2026-03-09T13:30:05-04:00',
      },
      {
        name: 'Sofía García Núñez',
        rawName: 'García Núñez, Sofía',
        email: null,
        seconds: 25 * 60,
        firstJoin: '2026-03-09T13:05:00-04:00',
        lastLeave: '2026-03-09T13:29:59-04:00',
      },
      {
        name: 'Jamie-iPhone',
        rawName: 'Jamie-iPhone',
        email: null,
        seconds: 5 * 60,
        firstJoin: '2026-03-09T13:20:00-04:00',
        lastLeave: '2026-03-09T13:25:00-04:00',
      },
    ])
  })

  it('reads a legacy LF export: renamed host, a guest without email merged by name, hours without a zero', async () => {
    const report = await parse('zoom_legacy_meeting_data_lf.csv', '2026-03-09')
    expect(report.participants).toEqual([
      {
        name: 'Dana Whitfield',
        rawName: 'Coordinator (Dana Whitfield)',
        email: 'coordinator@example.org',
        seconds: 31 * 60,
        firstJoin: '2026-03-09T13:00:00-04:00',
        lastLeave: '2026-03-09T13:31:00-04:00',
      },
      {
        name: 'Ted Kowalski',
        rawName: 'Ted Kowalski (Guest)',
        email: null,
        seconds: (8 + 15) * 60,
        firstJoin: '2026-03-09T13:03:00-04:00',
        lastLeave: '2026-03-09T13:30:00-04:00',
      },
      {
        name: 'Éloïse Dubois',
        rawName: 'Éloïse Dubois',
        email: 'edubois@example.org',
        seconds: 32 * 60,
        firstJoin: '2026-03-09T12:59:59-04:00',
        lastLeave: '2026-03-09T13:30:59-04:00',
      },
    ])
  })

  it('refuses a webinar attendee report, saying what it is', async () => {
    try {
      await parse('zoom_webinar_attendee_report.csv', '2026-03-09')
      expect.unreachable()
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('BAD_INPUT')
      expect((error as Error).message).toMatch(/Zoom webinar attendee report/)
      expect((error as Error).message).toMatch(/Zoom participants CSV, a Microsoft Teams attendance report/)
    }
  })

  it('says which row is damaged when a duration cannot be read', async () => {
    const bytes = new TextEncoder().encode(
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\nAna,,3/9/2026 1:00 PM,3/9/2026 1:10 PM,ten,No\n',
    )
    await expect(parseAttendanceReport(bytes, { callDate: '2026-03-09', timeZone: NY })).rejects.toThrow(
      /Row 2 of this Zoom report has a duration that cannot be read/,
    )
  })
})
