import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '#src/lib/errors.ts'
import { NY } from './fixtures.test-support.ts'
import { parseAttendanceFile, parseAttendanceReport } from './index.ts'

const options = { callDate: '2026-03-09', timeZone: NY }
const text = (s: string) => new TextEncoder().encode(s)
const GENERIC =
  'This is not a meeting attendance report: expected a Zoom participants CSV, a Microsoft Teams attendance report or a Google Meet attendance CSV.'

const refusal = async (bytes: Uint8Array): Promise<AppError> => {
  try {
    await parseAttendanceReport(bytes, options)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('was not refused')
}

describe('parseAttendanceReport refuses what is not a meeting report', () => {
  it('an unrelated spreadsheet', async () => {
    const error = await refusal(text('Organisation,State,Members\nAlamo Mfg,TX,12\n'))
    expect(error.code).toBe('BAD_INPUT')
    expect(error.userMessage).toBe(GENERIC)
  })

  it('empty and binary input', async () => {
    expect((await refusal(new Uint8Array())).userMessage).toMatch(
      /^The file is empty: expected a Zoom participants CSV/,
    )
    expect((await refusal(new Uint8Array([0, 1, 2, 3, 255, 254, 0]))).code).toBe('BAD_INPUT')
  })

  it('a file marked as UTF-8 that is not, such as one cut inside a character', async () => {
    const marked = text(
      '\uFEFFName (original name),Email,Duration (minutes)\nSofía Peña,sofia@example.org,30\n',
    )
    const cut = marked.subarray(0, marked.indexOf(0xc3) + 1)
    expect((await refusal(cut)).userMessage).toContain('marked as UTF-8 text but is not UTF-8')
    const latin = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Name,Caf', 'latin1'), 0xe9])
    expect((await refusal(latin)).userMessage).toContain('marked as UTF-8 text but is not UTF-8')
  })

  it('a webinar report found only by its section rows', async () => {
    const error = await refusal(
      text('Topic,Webinar ID\nX,1\nAttendee Details\nAttended,User Name (Original Name),Email\n'),
    )
    expect(error.userMessage).toMatch(/^This is a Zoom webinar attendee report/)
  })

  it('a bad call date or time zone', async () => {
    await expect(parseAttendanceReport(text('x'), { callDate: '9/3/2026', timeZone: NY })).rejects.toThrow(
      /YYYY-MM-DD/,
    )
    await expect(
      parseAttendanceReport(text('x'), { callDate: '2026-03-09', timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow(/Unknown time zone/)
  })
})

describe('parseAttendanceReport finds tables by header, not position', () => {
  it('reads columns in any order and ignores unknown ones', async () => {
    const csv = [
      'Guest,Duration (Minutes),Extra,Leave Time,User Email,Name (Original Name),Join Time',
      'No,10,?,3/9/2026 1:10 PM,Ana@Example.org,Ana Ruiz (Host),3/9/2026 1:00 PM',
    ].join('\n')
    expect(await parseAttendanceReport(text(csv), options)).toEqual({
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
      statedDates: ['2026-03-09'],
    })
  })

  it('gives an empty list for a report whose table has no rows', async () => {
    expect(
      await parseAttendanceReport(
        text('Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n'),
        options,
      ),
    ).toEqual({
      format: 'zoom-unique',
      participants: [],
      statedDates: [],
    })
  })

  it('refuses a row cut short, naming it', async () => {
    await expect(
      parseAttendanceReport(
        text('Name,Email,Duration,Time joined,Time exited\nAna Ruiz,ana@example.org'),
        options,
      ),
    ).rejects.toThrow(/Row 2 of this Google Meet report has no "duration" value/)
  })
})

describe('parseAttendanceFile', () => {
  it('reads a report from its file as parseAttendanceReport reads its bytes', async () => {
    const file = path.resolve(
      import.meta.dirname,
      '../../../../tests/fixtures/attendance/zoom_sentence_case_bom.csv',
    )
    const fromFile = await parseAttendanceFile(file, options)
    expect(fromFile).toEqual(await parseAttendanceReport(await readFile(file), options))
    expect(fromFile.participants).toHaveLength(4)
  })

  it('refuses a file whose quoted cell never closes, naming the row', async () => {
    const csv = 'Name (Original Name),User Email,Total Duration (Minutes),Guest\nAna,,10,No\n"Ted,,5,No\n'
    await expect(parseAttendanceReport(text(csv), options)).rejects.toThrow(
      /^Row 3 of this Zoom report has a quoted cell that is never closed; the file may be damaged or cut short\.$/,
    )
  })
})
