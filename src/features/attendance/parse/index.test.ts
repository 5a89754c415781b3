import { describe, expect, it } from 'vitest'
import { AppError } from '#src/lib/errors.ts'
import { NY } from './fixtures.test-support.ts'
import { parseAttendanceReport } from './index.ts'

const options = { callDate: '2026-03-09', timeZone: NY }
const text = (s: string) => new TextEncoder().encode(s)
const GENERIC =
  'This is not a meeting attendance report: expected a Zoom participants CSV, a Microsoft Teams attendance report or a Google Meet attendance CSV.'

const refusal = (bytes: Uint8Array): AppError => {
  try {
    parseAttendanceReport(bytes, options)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('was not refused')
}

describe('parseAttendanceReport refuses what is not a meeting report', () => {
  it('an unrelated spreadsheet', () => {
    const error = refusal(text('Organisation,State,Members\nAlamo Mfg,TX,12\n'))
    expect(error.code).toBe('BAD_INPUT')
    expect(error.userMessage).toBe(GENERIC)
  })

  it('empty and binary input', () => {
    expect(refusal(new Uint8Array()).userMessage).toMatch(
      /^The file is empty: expected a Zoom participants CSV/,
    )
    expect(refusal(new Uint8Array([0, 1, 2, 3, 255, 254, 0])).code).toBe('BAD_INPUT')
  })

  it('a webinar report found only by its section rows', () => {
    const error = refusal(
      text('Topic,Webinar ID\nX,1\nAttendee Details\nAttended,User Name (Original Name),Email\n'),
    )
    expect(error.userMessage).toMatch(/^This is a Zoom webinar attendee report/)
  })

  it('a bad call date or time zone', () => {
    expect(() => parseAttendanceReport(text('x'), { callDate: '9/3/2026', timeZone: NY })).toThrow(
      /YYYY-MM-DD/,
    )
    expect(() =>
      parseAttendanceReport(text('x'), { callDate: '2026-03-09', timeZone: 'Mars/Olympus' }),
    ).toThrow(/Unknown time zone/)
  })
})

describe('parseAttendanceReport finds tables by header, not position', () => {
  it('reads columns in any order and ignores unknown ones', () => {
    const csv = [
      'Guest,Duration (Minutes),Extra,Leave Time,User Email,Name (Original Name),Join Time',
      'No,10,?,3/9/2026 1:10 PM,Ana@Example.org,Ana Ruiz (Host),3/9/2026 1:00 PM',
    ].join('\n')
    expect(parseAttendanceReport(text(csv), options)).toEqual({
      format: 'zoom',
      participants: [
        {
          name: 'Ana Ruiz',
          rawName: 'Ana Ruiz (Host)',
          email: 'ana@example.org',
          seconds: 600,
          firstJoin: '2026-03-09T13:00:00-04:00',
          lastLeave: '2026-03-09T13:10:00-04:00',
        },
      ],
    })
  })

  it('gives an empty list for a report whose table has no rows', () => {
    expect(
      parseAttendanceReport(
        text('Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n'),
        options,
      ),
    ).toEqual({
      format: 'zoom-unique',
      participants: [],
    })
  })

  it('refuses a row cut short, naming it', () => {
    expect(() =>
      parseAttendanceReport(
        text('Name,Email,Duration,Time joined,Time exited\nAna Ruiz,ana@example.org'),
        options,
      ),
    ).toThrow(/Row 2 of this Google Meet report has no "duration" value/)
  })
})
