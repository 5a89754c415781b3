import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import {
  commitImport,
  dryRunImport,
  findCallByDate,
  getImport,
  type ImportCall,
  listImports,
  matchCandidates,
  resolveParticipant,
  startImport,
  undoImport,
} from '../../src/features/attendance/imports.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { zoomReport } from '../support/attendance-reports.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const CALL = '2026-11-23'
const cli = { personId: null, actor: 'cli' as const }
type Holder = { person_id: string; full_name: string; email: string; slug: string; role: string }

describe(`attendance imports on ${testEngine}`, () => {
  let database: TestDatabase
  let call: ImportCall
  let repA: Holder
  let altB: Holder
  let staff: { id: string; full_name: string; email: string }

  /** The call's attendance rows from the records: person, seconds, source, import. */
  const attendanceOf = (callId: string) =>
    queryRows<{ person_id: string; seconds: number; source: string; import_id: string | null }>(
      database.db,
      sql`select person_id, seconds, source, import_id from attendance where call_id = ${callId}::uuid
        and source <> 'demo' order by person_id, import_id`,
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    call = (await findCallByDate(database.db, CALL)) as ImportCall
    const holders = await queryRows<Holder>(
      database.db,
      sql`select s.person_id, p.full_name, p.email, o.slug, s.role from seats s
        join people p on p.id = s.person_id join organizations o on o.id = s.organization_id
        where o.slug in ('amp-socal', 'south-kansas') and s.starts_on <= ${CALL}::date
          and (s.ends_on is null or s.ends_on > ${CALL}::date)`,
    )
    repA = holders.find((h) => h.slug === 'amp-socal' && h.role === 'representative') as Holder
    altB = holders.find((h) => h.slug === 'south-kansas' && h.role === 'alternate') as Holder
    const [staffRow] = await queryRows<{ id: string; full_name: string; email: string }>(
      database.db,
      sql`select id, full_name, email from people where email = 'staff@example.org'`,
    )
    if (!staffRow) throw new Error('the demo has no staff@example.org')
    staff = staffRow
  })
  afterAll(async () => {
    await database?.drop()
  })

  /** A report: the representative by email in capitals, the alternate by name with other accents and case, staff, a short stay and a stranger. */
  const firstReport = () =>
    zoomReport(CALL, [
      { name: repA.full_name, email: repA.email.toUpperCase(), minutes: 28 },
      { name: altB.full_name.toUpperCase().replace(/E/g, 'É'), minutes: 12, joinMinute: 3 },
      { name: `${staff.full_name} (Host)`, email: staff.email, minutes: 30 },
      { name: 'Casey Stranger', email: 'casey@elsewhere.example.com', minutes: 25 },
    ])

  it('previews who matched, how and with what minutes, and writes no attendance', async () => {
    const before = await attendanceOf(call.id)
    const started = await startImport(database.db, {
      call,
      fileName: 'C:\\Users\\me\\zoom participants.csv',
      bytes: firstReport(),
      via: 'web',
      by: { personId: staff.id, actor: `person:${staff.id}` },
    })
    expect(started.kind).toBe('preview')
    const view = await getImport(database.db, started.importId)
    expect(view?.status).toBe('preview')
    expect(view?.fileName).toBe('zoom participants.csv')
    expect(view?.format).toBe('zoom')
    expect(view?.createdBy).toBe(staff.full_name)
    const byName = new Map(view?.rows.map((r) => [r.personName ?? r.name, r]))
    expect(byName.get(repA.full_name)).toMatchObject({ match: 'email', counts: true, seconds: 28 * 60 })
    expect(byName.get(repA.full_name)?.seats).toEqual([
      expect.objectContaining({ slug: 'amp-socal', role: 'representative' }),
    ])
    expect(byName.get(altB.full_name)).toMatchObject({
      match: 'name',
      counts: true,
      personId: altB.person_id,
    })
    expect(byName.get(staff.full_name)).toMatchObject({
      match: 'email',
      counts: false,
      reason: 'Holds no seat on the call’s date',
    })
    expect(byName.get('Casey Stranger')).toMatchObject({ match: null, counts: false, personId: null })
    expect(view?.summary).toEqual({
      participants: 4,
      matched: 3,
      unmatched: 1,
      guests: 0,
      counting: 2,
      organizations: 2,
    })
    expect(await attendanceOf(call.id)).toEqual(before)
  })

  it('commits in one go, and the same file again changes nothing', async () => {
    const [preview] = await listImports(database.db, call.id)
    expect(await commitImport(database.db, { importId: preview?.id as string, by: cli })).toBe('committed')
    const rows = await attendanceOf(call.id)
    expect(
      rows
        .filter((r) => r.import_id === preview?.id)
        .map((r) => r.person_id)
        .sort(),
    ).toEqual([repA.person_id, altB.person_id, staff.id].sort())
    const again = await startImport(database.db, {
      call,
      fileName: 'again.csv',
      bytes: firstReport(),
      via: 'cli',
      by: cli,
    })
    expect(again).toMatchObject({ kind: 'unchanged', importId: preview?.id })
    expect(await attendanceOf(call.id)).toEqual(rows)
    expect(await listImports(database.db, call.id)).toHaveLength(1)
  })

  it('remembers a hand match as an alias, and matches by it next time', async () => {
    const [committed] = await listImports(database.db, call.id)
    const view = await getImport(database.db, committed?.id as string)
    const stranger = view?.rows.find((r) => r.name === 'Casey Stranger')
    // Staff decide the stranger is the representative of AMP SoCal joining from another account.
    await resolveParticipant(database.db, {
      importId: committed?.id as string,
      position: stranger?.position as number,
      personId: repA.person_id,
      by: { personId: staff.id, actor: `person:${staff.id}` },
    })
    const after = await getImport(database.db, committed?.id as string)
    expect(after?.rows.find((r) => r.name === 'Casey Stranger')).toMatchObject({
      match: 'manual',
      personId: repA.person_id,
    })
    // Committed import: the representative's merged time is the longer of the two overlapping rows.
    const rows = await attendanceOf(call.id)
    expect(rows.find((r) => r.person_id === repA.person_id && r.import_id === committed?.id)?.seconds).toBe(
      28 * 60,
    )

    const other = await findCallByDate(database.db, '2026-11-16')
    const dry = await dryRunImport(database.db, {
      call: other as ImportCall,
      fileName: 'next.csv',
      bytes: zoomReport('2026-11-16', [
        { name: 'casey stranger', email: 'CASEY@elsewhere.example.com', minutes: 20 },
      ]),
    })
    expect(dry.rows[0]).toMatchObject({ match: 'alias', personId: repA.person_id, counts: true })
  })

  it('marks a guest, and a known guest is a guest again', async () => {
    const other = (await findCallByDate(database.db, '2026-11-16')) as ImportCall
    const started = await startImport(database.db, {
      call: other,
      fileName: 'guests.csv',
      bytes: zoomReport('2026-11-16', [{ name: 'Visiting Speaker', minutes: 30 }]),
      via: 'cli',
      by: cli,
    })
    await resolveParticipant(database.db, {
      importId: started.importId,
      position: 1,
      personId: 'guest',
      by: cli,
    })
    const dry = await dryRunImport(database.db, {
      call,
      fileName: 'x.csv',
      bytes: zoomReport(CALL, [{ name: 'VISITING speaker', minutes: 30 }]),
    })
    expect(dry.rows[0]).toMatchObject({ match: 'guest', personId: null, counts: false, reason: 'Guest' })
  })

  it('merges a second report for the same call and undoes one import as a whole', async () => {
    const [first] = (await listImports(database.db, call.id)).filter((i) => i.status === 'committed')
    // The call dropped and restarted: the alternate's second session adds up; a new person appears.
    const second = zoomReport(CALL, [
      { name: altB.full_name, minutes: 5, joinMinute: 20 },
      { name: repA.full_name, email: repA.email, minutes: 8, joinMinute: 2 },
    ])
    const started = await startImport(database.db, {
      call,
      fileName: 'second.csv',
      bytes: second,
      via: 'cli',
      by: cli,
    })
    expect(await commitImport(database.db, { importId: started.importId, by: cli })).toBe('committed')
    const rows = await attendanceOf(call.id)
    expect(
      rows
        .filter((r) => r.person_id === altB.person_id)
        .map((r) => r.seconds)
        .sort(),
    ).toEqual([5 * 60, 12 * 60])

    await undoImport(database.db, { importId: first?.id as string, by: cli })
    const after = await attendanceOf(call.id)
    expect(after.every((r) => r.import_id === started.importId)).toBe(true)
    expect(after.map((r) => r.person_id).sort()).toEqual([repA.person_id, altB.person_id].sort())
    const undone = await getImport(database.db, first?.id as string)
    expect(undone?.status).toBe('undone')
    expect(undone?.undoneAt).not.toBeNull()
    // The undone file can be imported again.
    const again = await startImport(database.db, {
      call,
      fileName: 'again.csv',
      bytes: firstReport(),
      via: 'cli',
      by: cli,
    })
    expect(again.kind).toBe('preview')
  })

  it('refuses a file that is not a report, storing nothing', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from attendance_imports`))[0]
        ?.n
    const before = await count()
    await expect(
      startImport(database.db, {
        call,
        fileName: 'notes.csv',
        bytes: Buffer.from('just,some\nother,table\n'),
        via: 'cli',
        by: cli,
      }),
    ).rejects.toThrow(/Zoom participants CSV, a Microsoft Teams attendance report or a Google Meet/)
    expect(await count()).toBe(before)
  })

  it('warns when the report’s times are on another day than the call', async () => {
    const wrongDay = await dryRunImport(database.db, {
      call,
      fileName: 'old.csv',
      bytes: zoomReport('2025-01-13', [{ name: 'Someone', minutes: 30 }]),
    })
    expect(wrongDay.dateWarning).toBe(
      'The times in this report are on January 13, 2025, not on the call’s date (November 23, 2026). Check that it is the report of this call before committing.',
    )
    const rightDay = await dryRunImport(database.db, { call, fileName: 'x.csv', bytes: firstReport() })
    expect(rightDay.dateWarning).toBeNull()
  })

  it('gives the same date warning for every format: Zoom (both layouts), Teams and Meet', async () => {
    const sample = (name: string) =>
      readFile(path.resolve(import.meta.dirname, '../fixtures/attendance', name))
    const warningFor = async (name: string) =>
      (await dryRunImport(database.db, { call, fileName: name, bytes: await sample(name) })).dateWarning
    const other = (day: string) =>
      `The times in this report are on ${day}, not on the call’s date (November 23, 2026). Check that it is the report of this call before committing.`
    expect(await warningFor('zoom_participants_with_meeting_data.csv')).toBe(other('March 11, 2025'))
    expect(await warningFor('zoom_participants_unique_users.csv')).toBe(other('March 11, 2025'))
    expect(await warningFor('teams_attendance_report_utf16le.csv')).toBe(other('January 14, 2025'))
    expect(await warningFor('google_meet_attendance.csv')).toBe(
      'This report gives no date, only times of day: check that it is the report of the call of November 23, 2026 before committing.',
    )
  })

  it('offers seat holders of the day first when matching by hand', async () => {
    const candidates = await matchCandidates(database.db, CALL)
    const firstPlain = candidates.findIndex((c) => c.seatLabel === null)
    expect(firstPlain).toBeGreaterThan(0)
    expect(candidates.slice(0, firstPlain).every((c) => c.seatLabel !== null)).toBe(true)
    expect(candidates.find((c) => c.id === repA.person_id)?.seatLabel).toMatch(/^Representative, /)
  })
})

describe(`hub attendance import on ${testEngine}`, () => {
  let dir = ''
  let env: Record<string, string>
  let file = ''
  let dropDatabase = async () => {}

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-import-'))
    // The command runs in its own process: a server database it can reach, or the run's migrated
    // PGlite folder that this test fills and closes first (one process at a time owns a PGlite folder).
    let database: Database
    if (testEngine === 'postgres') {
      const server = await createTestDatabase()
      database = server
      env = { DATABASE_URL: server.url as string, HUB_TODAY: DEMO_TODAY }
      dropDatabase = () => server.drop()
    } else {
      const folder = await migratedDataFolder('hub-import-data-')
      dropDatabase = folder.drop
      database = await openDatabase({ kind: 'pglite', dataDir: path.join(folder.dir, 'pglite') })
      env = { ...folder.env, HUB_TODAY: DEMO_TODAY }
    }
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    const [rep] = await queryRows<{ full_name: string; email: string }>(
      database.db,
      sql`select p.full_name, p.email from seats s join people p on p.id = s.person_id
        join organizations o on o.id = s.organization_id
        where o.slug = 'amp-socal' and s.role = 'representative' and s.ends_on is null`,
    )
    if (testEngine === 'pglite') await database.close()
    file = path.join(dir, 'report.csv')
    await writeFile(
      file,
      zoomReport(CALL, [
        { name: rep?.full_name as string, email: rep?.email as string, minutes: 25 },
        { name: 'Nobody Known', minutes: 30 },
      ]),
    )
  })
  afterAll(async () => {
    await dropDatabase()
    await rm(dir, { recursive: true, force: true })
  })

  it('previews with --dry-run, imports, and changes nothing the second time', async () => {
    const dry = await runHub(['attendance', 'import', file, '--call', CALL, '--dry-run', '--json'], env)
    expect(dry.stderr).toBe('')
    expect(dry.code).toBe(0)
    const preview = JSON.parse(dry.stdout)
    expect(preview).toMatchObject({ result: 'dry-run', importId: null, format: 'zoom', call: { date: CALL } })
    expect(preview.summary).toMatchObject({
      participants: 2,
      matched: 1,
      unmatched: 1,
      counting: 1,
      organizations: 1,
    })
    expect(preview.participants[0]).toMatchObject({ match: 'email', counts: true, minutes: 25 })

    const done = await runHub(['attendance', 'import', file, '--call', CALL, '--json'], env)
    expect(done.code).toBe(0)
    const committed = JSON.parse(done.stdout)
    expect(committed.result).toBe('committed')
    expect(committed.importId).toMatch(/^[0-9a-f-]{36}$/)

    const again = await runHub(['attendance', 'import', file, '--call', CALL, '--json'], env)
    expect(JSON.parse(again.stdout)).toMatchObject({ result: 'unchanged', importId: committed.importId })
  }, 120_000)

  it('exits 2 with the reason for a date without a call, a future call or a file that is not a report', async () => {
    const noCall = await runHub(['attendance', 'import', file, '--call', '2026-11-24'], env)
    expect(noCall.code).toBe(2)
    expect(noCall.stderr).toMatch(/no call on 2026-11-24/)
    const future = await runHub(['attendance', 'import', file, '--call', '2026-12-07'], env)
    expect(future.code).toBe(2)
    expect(future.stderr).toMatch(/has not happened yet/)
    const bad = path.join(dir, 'bad.csv')
    await writeFile(bad, 'a,b\n1,2\n')
    const notReport = await runHub(['attendance', 'import', bad, '--call', CALL], env)
    expect(notReport.code).toBe(2)
    expect(notReport.stderr).toMatch(/Zoom participants CSV/)
  }, 120_000)
})
