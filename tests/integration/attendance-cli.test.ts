import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import { MAX_REPORT_BYTES } from '../../src/features/attendance/report-size.ts'
import { zoomReport } from '../support/attendance-reports.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, testEngine } from '../support/test-database.ts'

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

describe(`hub attendance import of a report over the size limit, on ${testEngine}`, () => {
  let home = ''
  let env: Record<string, string>
  /** Opens the database the command used (a PGlite folder is closed again before the command runs). */
  let reopen: () => Promise<Database>
  let dropDatabase = async () => {}

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'hub-import-limit-'))
    if (testEngine === 'postgres') {
      const server = await createTestDatabase()
      env = { DATABASE_URL: server.url as string, HUB_TODAY: DEMO_TODAY }
      reopen = async () => server
      dropDatabase = () => server.drop()
    } else {
      const folder = await migratedDataFolder('hub-import-limit-data-')
      dropDatabase = folder.drop
      env = { ...folder.env, HUB_TODAY: DEMO_TODAY }
      reopen = () => openDatabase({ kind: 'pglite', dataDir: path.join(folder.dir, 'pglite') })
    }
  })
  afterAll(async () => {
    await dropDatabase()
    await rm(home, { recursive: true, force: true })
  })

  it('refuses it by its size with status 2 and one short line, storing nothing', async () => {
    // A real report, padded past the limit (a sparse file: nothing is written for the padding).
    const file = path.join(home, 'huge.csv')
    await writeFile(
      file,
      zoomReport('2026-11-23', [{ name: 'Ana Ruiz', email: 'ana@example.org', minutes: 30 }]),
    )
    const size = MAX_REPORT_BYTES + 1024 * 1024
    await truncate(file, size)
    for (const extra of [['--dry-run'], []]) {
      const run = await runHub(['attendance', 'import', file, '--call', '2026-11-23', ...extra], env)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(
        `hub: The report is ${(size / (1024 * 1024)).toFixed(1)} MB; the limit is 5 MB. Nothing was imported.\n`,
      )
      expect(run.stderr.length).toBeLessThan(500)
    }
    const database = await reopen()
    try {
      const [counts] = await queryRows<{ files: number; imports: number }>(
        database.db,
        sql`select (select count(*)::int from stored_files) as files,
          (select count(*)::int from attendance_imports) as imports`,
      )
      expect(counts).toEqual({ files: 0, imports: 0 })
    } finally {
      if (testEngine === 'pglite') await database.close()
    }
  }, 120_000)
})
