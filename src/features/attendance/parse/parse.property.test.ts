import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '#src/lib/errors.ts'
import { fixture, NY } from './fixtures.test-support.ts'
import { type ParsedReport, parseAttendanceReport } from './index.ts'

const SAMPLES = [
  ['zoom_participants_with_meeting_data.csv', '2025-03-11'],
  ['zoom_participants_unique_users.csv', '2025-03-11'],
  ['teams_attendance_report_utf16le.csv', '2025-01-14'],
  ['google_meet_attendance.csv', '2025-01-14'],
  ['zoom_sentence_case_bom.csv', '2026-03-09'],
  ['zoom_legacy_meeting_data_lf.csv', '2026-03-09'],
  ['teams_utf16be_lf_uk.csv', '2022-11-07'],
  ['meet_single_name.csv', '2026-03-09'],
] as const

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/

/** Either a well-formed report or a clear BAD_INPUT refusal; anything else fails the property. */
async function parseOrRefuse(bytes: Uint8Array, callDate: string): Promise<ParsedReport | AppError> {
  try {
    const report = await parseAttendanceReport(bytes, { callDate, timeZone: NY })
    for (const p of report.participants) {
      expect(p.name.length).toBeGreaterThan(0)
      expect(Number.isInteger(p.seconds) && p.seconds >= 0).toBe(true)
      if (p.email !== null) expect(p.email).toBe(p.email.toLowerCase())
      for (const t of [p.firstJoin, p.lastLeave]) if (t !== null) expect(t).toMatch(ISO)
    }
    return report
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    expect(error.code).toBe('BAD_INPUT')
    expect(error.userMessage.length).toBeGreaterThan(20)
    return error
  }
}

describe('parseAttendanceReport under hostile input', () => {
  it('never crashes on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await parseOrRefuse(bytes, '2025-03-11')
      }),
      { numRuns: 300 },
    )
  })

  it('never crashes on random text mixed with report headers', async () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n',
        'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\n',
        'First name,Last name,Email,Duration,Time joined,Time exited\n',
        '"',
        ',',
        '\t',
        '\r\n',
        '3/9/2026 1:00 PM',
        '1h 2m',
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (pieces) => {
        await parseOrRefuse(new TextEncoder().encode(pieces.join('')), '2026-03-09')
      }),
      { numRuns: 300 },
    )
  })

  // Every cut, not a random sample of them: a cut inside one UTF-8 character once failed one run in six.
  it('refuses or reads every truncation of every sample', async () => {
    for (const [name, callDate] of SAMPLES) {
      const bytes = fixture(name)
      for (let cut = 0; cut <= bytes.length; cut++) await parseOrRefuse(bytes.subarray(0, cut), callDate)
    }
  }, 60_000)

  it('gives the same result whatever the order of the columns', async () => {
    const header = [
      'Name (Original Name)',
      'User Email',
      'Join Time',
      'Leave Time',
      'Duration (Minutes)',
      'Guest',
    ]
    const rows = [
      ['"Kowalski, Ted"', 'TKowalski@example.org', '3/9/2026 1:00:05 PM', '3/9/2026 1:20:00 PM', '20', 'No'],
      ['Maja L (Maja Lindqvist)', '', '3/9/2026 1:02:00 PM', '3/9/2026 1:10:00 PM', '8', 'Yes'],
      ['"Kowalski, Ted"', 'tkowalski@example.org', '3/9/2026 1:25:00 PM', '3/9/2026 1:31:00 PM', '6', 'No'],
    ]
    const csv = (order: number[]) =>
      [header, ...rows].map((r) => order.map((i) => r[i] as string).join(',')).join('\r\n')
    const expected = await parseAttendanceReport(new TextEncoder().encode(csv([0, 1, 2, 3, 4, 5])), {
      callDate: '2026-03-09',
      timeZone: NY,
    })
    expect(expected.participants.map((p) => [p.name, p.seconds])).toEqual([
      ['Ted Kowalski', 26 * 60],
      ['Maja Lindqvist', 8 * 60],
    ])
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        async (order) => {
          const report = await parseAttendanceReport(new TextEncoder().encode(csv(order)), {
            callDate: '2026-03-09',
            timeZone: NY,
          })
          expect(report).toEqual(expected)
        },
      ),
      { numRuns: 50 },
    )
  })

  // How fast is measured by `npm run bench` (bench/attendance-parse.ts), never asserted here.
  it('reads huge names and keeps them whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[",\r\n]/.test(s) && s.trim() !== ''),
        fc.integer({ min: 10_000, max: 200_000 }),
        async (unit, length) => {
          const name = unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
          const line = `"${name}",,62,Yes`
          const csv = `Name (Original Name),User Email,Total Duration (Minutes),Guest\n${line}\n`
          const result = await parseOrRefuse(new TextEncoder().encode(csv), '2026-03-09')
          if (!(result instanceof AppError)) {
            expect(result.participants).toHaveLength(1)
            expect(result.participants[0]?.rawName).toBe(name.trim())
          }
        },
      ),
      { numRuns: 20 },
    )
  })

  it('reads 2,000 rows, merging each person’s rejoins', async () => {
    const lines = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest']
    for (let i = 0; i < 2000; i++)
      lines.push(`Person ${i % 500},p${i % 500}@example.org,3/9/2026 1:00:00 PM,3/9/2026 1:10:00 PM,10,No`)
    const report = await parseAttendanceReport(new TextEncoder().encode(lines.join('\n')), {
      callDate: '2026-03-09',
      timeZone: NY,
    })
    expect(report.participants).toHaveLength(500)
    expect(report.participants[0]?.seconds).toBe(4 * 600)
  })
})
