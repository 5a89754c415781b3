import { describe, expect, it } from 'vitest'
import { fixture, NY } from './fixtures.test-support.ts'
import { parseAttendanceReport } from './index.ts'

describe('Microsoft Teams attendance report', () => {
  it('reads the UTF-16 LE sample from its Participants table', async () => {
    const report = await parseAttendanceReport(fixture('teams_attendance_report_utf16le.csv'), {
      callDate: '2025-01-14',
      timeZone: NY,
    })
    expect(report.format).toBe('teams')
    expect(report.participants).toEqual([
      {
        name: 'Jordan Rivera',
        rawName: 'Jordan Rivera',
        email: 'jrivera@example.org',
        seconds: 3600 + 6 * 60 + 36,
        firstJoin: '2025-01-14T09:58:05-05:00',
        lastLeave: '2025-01-14T11:04:41-05:00',
      },
      {
        name: 'Dana Whitfield',
        rawName: 'Whitfield, Dana',
        email: 'dwhitfield@example.org',
        seconds: 3600 + 4 * 60 + 18,
        firstJoin: '2025-01-14T10:00:12-05:00',
        lastLeave: '2025-01-14T11:04:30-05:00',
      },
      {
        name: 'Marcus Oyelaran',
        rawName: 'Marcus Oyelaran',
        email: 'moyelaran@example.org',
        seconds: 58 * 60 + 40,
        firstJoin: '2025-01-14T10:01:40-05:00',
        lastLeave: '2025-01-14T11:03:02-05:00',
      },
      {
        name: 'Priya Raman',
        rawName: 'Priya Raman (External)',
        email: 'praman@partner.example.org',
        seconds: 57 * 60 + 36,
        firstJoin: '2025-01-14T10:02:15-05:00',
        lastLeave: '2025-01-14T10:59:51-05:00',
      },
      {
        name: 'Sofía García Núñez',
        rawName: 'García Núñez, Sofía',
        email: 'sgarcia@example.org',
        seconds: 30 * 60 + 10,
        firstJoin: '2025-01-14T10:15:00-05:00',
        lastLeave: '2025-01-14T10:45:10-05:00',
      },
      {
        name: 'Ted Kowalski',
        rawName: 'Ted Kowalski',
        email: 'tkowalski@example.org',
        seconds: 15 * 60 + 34,
        firstJoin: '2025-01-14T10:20:33-05:00',
        lastLeave: '2025-01-14T10:55:07-05:00',
      },
    ])
  })

  it('states the dates it gives, its summary’s start time among them, read month first from the 12-hour clock', async () => {
    const report = await parseAttendanceReport(fixture('teams_attendance_report_utf16le.csv'), {
      callDate: '2025-01-14',
      timeZone: NY,
    })
    expect(report.statedDates).toEqual(['2025-01-14'])
    const uk = await parseAttendanceReport(fixture('teams_utf16be_lf_uk.csv'), {
      callDate: '2022-11-07',
      timeZone: NY,
    })
    expect(uk.statedDates).toEqual(['2022-11-07'])
  })

  it('reads UTF-16 BE with LF, 2022 lower-case headers, UK dates and a fourth section', async () => {
    const report = await parseAttendanceReport(fixture('teams_utf16be_lf_uk.csv'), {
      callDate: '2022-11-07',
      timeZone: NY,
    })
    expect(report.format).toBe('teams')
    expect(report.participants).toEqual([
      {
        name: 'Ana Lindqvist',
        rawName: 'Ana Lindqvist',
        email: 'ana@example.org',
        seconds: 3 * 3600 + 26,
        firstJoin: '2022-11-07T13:00:17-05:00',
        lastLeave: '2022-11-07T16:00:43-05:00',
      },
      {
        name: 'Chidi Okafor',
        rawName: 'Okafor, Chidi',
        email: 'chidi.okafor@example.org',
        seconds: 59 * 60 + 29,
        firstJoin: '2022-11-07T13:05:00-05:00',
        lastLeave: '2022-11-07T14:04:29-05:00',
      },
      {
        name: 'Guest Visitor',
        rawName: 'Guest Visitor (Guest)',
        email: null,
        seconds: 4 * 60 + 46,
        firstJoin: '2022-11-07T13:30:00-05:00',
        lastLeave: '2022-11-07T13:34:46-05:00',
      },
    ])
  })

  it('falls back to In-Meeting Activities, merging rejoins, when there is no Participants table', async () => {
    const text = [
      '1. Summary',
      'Meeting title\tX',
      '',
      '2. In-Meeting Activities',
      'Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
      'Ted Kowalski\t1/14/25, 10:20:33 AM\t1/14/25, 10:31:00 AM\t10m 27s\ttkowalski@example.org\tAttendee',
      'Ted Kowalski\t1/14/25, 10:50:00 AM\t1/14/25, 10:55:07 AM\t5m 7s\tTKowalski@example.org\tAttendee',
      '',
    ].join('\r\n')
    const report = await parseAttendanceReport(new TextEncoder().encode(text), {
      callDate: '2025-01-14',
      timeZone: NY,
    })
    expect(report).toMatchObject({
      format: 'teams',
      participants: [
        {
          name: 'Ted Kowalski',
          rawName: 'Ted Kowalski',
          email: 'tkowalski@example.org',
          seconds: 10 * 60 + 27 + 5 * 60 + 7,
          firstJoin: '2025-01-14T10:20:33-05:00',
          lastLeave: '2025-01-14T10:55:07-05:00',
        },
      ],
    })
  })

  it('reads a comma-separated UTF-8 Teams report', async () => {
    const text = [
      '1. Summary',
      '',
      '2. Participants',
      'Name,First Join,Last Leave,In-Meeting Duration,Email,Participant ID (UPN),Role',
      '"Whitfield, Dana","1/14/25, 10:00:12 AM","1/14/25, 11:04:30 AM",1h 4m 18s,dwhitfield@example.org,dwhitfield@example.org,Organizer',
    ].join('\n')
    const report = await parseAttendanceReport(new TextEncoder().encode(text), {
      callDate: '2025-01-14',
      timeZone: NY,
    })
    expect(report.participants.map((p) => [p.name, p.seconds, p.lastLeave])).toEqual([
      ['Dana Whitfield', 3858, '2025-01-14T11:04:30-05:00'],
    ])
  })
})
