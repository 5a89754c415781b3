import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runHub } from '../support/run-hub.ts'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/attendance')
const sample = (name: string) => path.join(fixtures, name)
let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hub-attendance-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// DATA_DIR points at an empty folder: parsing must not create or touch a database.
const env = () => ({ DATA_DIR: path.join(dir, 'data') })

describe('hub attendance parse', () => {
  it('prints the Teams sample as JSON with the call’s offset', async () => {
    const run = await runHub(
      [
        'attendance',
        'parse',
        sample('teams_attendance_report_utf16le.csv'),
        '--call-date',
        '2025-01-14',
        '--json',
      ],
      env(),
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    expect(Object.keys(doc)).toEqual(['format', 'participants'])
    expect(doc.format).toBe('teams')
    expect(doc.participants).toHaveLength(6)
    expect(doc.participants[1]).toEqual({
      name: 'Dana Whitfield',
      rawName: 'Whitfield, Dana',
      email: 'dwhitfield@example.org',
      seconds: 3600 + 4 * 60 + 18,
      firstJoin: '2025-01-14T10:00:12-05:00',
      lastLeave: '2025-01-14T11:04:30-05:00',
    })
  })

  it('uses --time-zone for the offset', async () => {
    const run = await runHub(
      [
        'attendance',
        'parse',
        sample('zoom_participants_with_meeting_data.csv'),
        '--call-date',
        '2025-03-11',
        '--time-zone',
        'America/Chicago',
        '--json',
      ],
      env(),
    )
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    expect(doc.format).toBe('zoom')
    expect(doc.participants[1]).toMatchObject({
      name: 'Marcus Oyelaran',
      seconds: 3600,
      firstJoin: '2025-03-11T14:00:31-05:00',
      lastLeave: '2025-03-11T15:02:40-05:00',
    })
  })

  it('refuses a webinar report with status 2, the reason on stderr and nothing written', async () => {
    const run = await runHub(
      [
        'attendance',
        'parse',
        sample('zoom_webinar_attendee_report.csv'),
        '--call-date',
        '2026-03-09',
        '--json',
      ],
      env(),
    )
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^hub: This is a Zoom webinar attendee report/)
    expect(run.stderr).toContain(
      'expected a Zoom participants CSV, a Microsoft Teams attendance report or a Google Meet attendance CSV.',
    )
    await expect(rm(path.join(dir, 'data'))).rejects.toThrow(/ENOENT/)
  })

  it('refuses an unrelated spreadsheet with status 2', async () => {
    const file = path.join(dir, 'members.csv')
    await writeFile(file, 'Organisation,State\nAlamo Mfg,TX\n')
    const run = await runHub(['attendance', 'parse', file, '--call-date', '2026-03-09', '--json'], env())
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'hub: This is not a meeting attendance report: expected a Zoom participants CSV, a Microsoft Teams attendance report or a Google Meet attendance CSV.\n',
    )
  })

  it('needs --call-date', async () => {
    const run = await runHub(['attendance', 'parse', sample('google_meet_attendance.csv')], env())
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--call-date YYYY-MM-DD/)
  })

  it('is listed in --help', async () => {
    const run = await runHub(['--help'], {})
    expect(run.stdout).toContain('attendance parse FILE --call-date YYYY-MM-DD')
  })
})
