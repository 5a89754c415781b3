import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { attendance } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { commitHistoryImport, startHistoryImport } from '../../src/features/attendance-history/index.ts'
import { complianceRow, computeYearCompliance } from '../../src/features/obligations/index.ts'
import { buildXlsx } from '../../src/lib/spreadsheet/xlsx.test-support.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { runHub } from '../support/run-hub.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const PAGE = '/staff/attendance/history'
const ORG = 'Gulf Coast Makers'
const since = '2026-01-01'

/** The network a history file is checked against: one organisation with both seats, four held calls, one cancelled. */
async function buildNetwork(db: Database['db']) {
  const org = await createOrganization(db, { name: ORG, slug: 'gulf-coast-makers', admittedOn: since })
  const rep = await seatHolder(db, org, 'representative', { since })
  const alt = await seatHolder(db, org, 'alternate', { since })
  await createOrganization(db, { name: 'Empty Seats Alliance', slug: 'empty-seats', admittedOn: since })
  const calls = new Map<string, string>()
  for (const date of ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'])
    calls.set(date, (await createCall(db, date)).id)
  await createCall(db, '2026-03-30', { cancelled: 'test: the network’s retreat' })
  // The roll call already has the representative on 9 March.
  await writeAs(db, 'system', (tx) =>
    tx.insert(attendance).values({
      callId: calls.get('2026-03-09') as string,
      personId: rep.id,
      seconds: 1800,
      source: 'roll_call',
    }),
  )
  return { org, rep, alt }
}

const GOOD = [
  'Call date,Organisation,Minutes',
  '2026-03-02,Gulf Coast Makers,',
  '3/9/2026,gulf-coast-makers,',
  '2026-03-16,GULF COAST MAKERS,25',
].join('\n')

const PROBLEMS = [
  'date,organisation,attended',
  '2026-03-02,Gulf Coast Makers,yes',
  '2026-03-02,Gulf Coast Makers,yes',
  '2026-03-02,Gulf Coast Maker,yes',
  '2026-04-06,Gulf Coast Makers,yes',
  '2026-03-30,Gulf Coast Makers,yes',
  '2026-12-07,Gulf Coast Makers,yes',
  '13/01/2026,Gulf Coast Makers,yes',
  '2026-03-16,Empty Seats Alliance,yes',
  '2026-03-23,Gulf Coast Makers,no',
].join('\n')

describe(`past attendance from a spreadsheet on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let staffPerson: TestPerson
  let org: TestOrganization
  let alt: TestPerson
  let rep: TestPerson

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1
  const historyRows = () => count(sql`select count(*)::int as n from attendance where source = 'history'`)
  const attended = async () => {
    const [c] = await computeYearCompliance(database.db, {
      year: 2026,
      today: DEMO_TODAY,
      organizationIds: [org.id],
    })
    return c ? complianceRow(c).callsAttended : -1
  }

  function upload(name: string, bytes: Uint8Array) {
    const form = new FormData()
    form.set('_csrf', TEST_CSRF)
    form.set('sheet', new File([new Uint8Array(bytes)], name))
    return t.app.request(PAGE, {
      method: 'POST',
      body: form,
      headers: { Origin: TEST_ORIGIN, Cookie: staff.cookieHeader },
    })
  }
  async function uploadToPreview(name: string, text: string) {
    const res = await upload(name, new TextEncoder().encode(text))
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location).toMatch(/^\/staff\/attendance\/history\/[0-9a-f-]{36}/)
    return { location, id: location.slice(PAGE.length + 1, PAGE.length + 37) }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    ;({ org, alt, rep } = await buildNetwork(database.db))
    staffPerson = await createPerson(database.db, { role: 'staff', since, fullName: 'Avery Keeper' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: staffPerson.email })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('previews a file with each problem on its row and writes nothing', async () => {
    const { location } = await uploadToPreview('problems.csv', PROBLEMS)
    const text = await pageText(await staff.get(location))
    expect(text).toContain('9 rows read')
    expect(text).toContain('1 will be written')
    expect(text).toContain('1 marked not attended')
    expect(text).toContain('7 problems')
    expect(text).toContain('3 This row repeats row 2: Gulf Coast Makers on March 2, 2026.')
    expect(text).toContain(
      '4 No organisation is called "Gulf Coast Maker"; did you mean "Gulf Coast Makers"?',
    )
    expect(text).toContain(
      '5 There is no call on Monday, April 6, 2026: add it with “Add a call” on the calls page',
    )
    expect(text).toContain('hub calls backfill --from 2026-01-01')
    expect(text).toContain('6 The call of March 30, 2026 was cancelled')
    expect(text).toContain('7 December 7, 2026 is in the future')
    expect(text).toContain('8 The date "13/01/2026" is not a date written YYYY-MM-DD')
    expect(text).toContain('9 Empty Seats Alliance had no representative or alternate on March 16, 2026')
    expect(text).not.toContain('Commit 1')
    const commit = await staff.post(`${location}/commit`, {})
    expect(commit.status).toBe(409)
    expect(await pageText(commit)).toContain('7 rows have problems: correct the file and upload it again.')
    expect(await historyRows()).toBe(0)
  })

  it('commits a good file in one go, and the obligations count the organisation’s calls', async () => {
    expect(await attended()).toBe(1)
    const { location, id } = await uploadToPreview('history.csv', GOOD)
    const preview = await pageText(await staff.get(location))
    expect(preview).toContain('3 rows read')
    expect(preview).toContain('2 will be written')
    expect(preview).toContain('1 already present')
    expect(preview).toContain('0 problems')
    expect(await historyRows()).toBe(0)
    const res = await staff.post(`${location}/commit`, {})
    expect(res.status).toBe(303)
    const rows = await queryRows<{ seconds: number; date: string }>(
      database.db,
      sql`select a.seconds, c.local_date::text as date from attendance a join calls c on c.id = a.call_id
        where a.history_import_id = ${id}::uuid order by c.local_date`,
    )
    expect(rows).toEqual([
      { seconds: 1800, date: '2026-03-02' },
      { seconds: 1500, date: '2026-03-16' },
    ])
    expect(await attended()).toBe(3)
    const obligations = await pageText(await staff.get(`/organizations/${org.slug}/obligations?year=2026`))
    expect(obligations).toMatch(/Attended 3 of 4 held calls/)
    const list = await pageText(await staff.get(PAGE))
    expect(list).toContain('history.csv')
    expect(list).toContain('Committed')
    expect(list).toContain('by Avery Keeper')

    // The same file again: said to be imported already, when and by whom; a second commit is refused.
    const again = await upload('copy.csv', new TextEncoder().encode(GOOD))
    expect(again.headers.get('location')).toBe(`${PAGE}/${id}?notice=already`)
    const notice = await pageText(await staff.get(again.headers.get('location') ?? ''))
    expect(notice).toMatch(/This file was already imported on .+ 2026, .+ by Avery Keeper/)
    const twice = await staff.post(`${location}/commit`, {})
    expect(twice.status).toBe(409)
    expect(await pageText(twice)).toContain('already imported')
    expect(await historyRows()).toBe(2)

    // Undo removes exactly this import's rows; the roll call's stays.
    expect((await staff.post(`${location}/undo`, {})).status).toBe(303)
    expect(await historyRows()).toBe(0)
    expect(await attended()).toBe(1)
    const [record] = await queryRows<{ status: string; undone_by: string }>(
      database.db,
      sql`select status, undone_by from attendance_history_imports where id = ${id}::uuid`,
    )
    expect(record).toEqual({ status: 'undone', undone_by: staffPerson.id })
  })

  it('reads people by email from an Excel workbook', async () => {
    const bytes = buildXlsx([
      ['Date', 'E-mail', 'Attended?'],
      [46104, alt.email.toUpperCase(), 'x'],
    ])
    const res = await upload('people.xlsx', bytes)
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(await pageText(await staff.get(location))).toContain('1 will be written')
    expect((await staff.post(`${location}/commit`, {})).status).toBe(303)
    const [row] = await queryRows<{ person_id: string; date: string }>(
      database.db,
      sql`select a.person_id, c.local_date::text as date from attendance a join calls c on c.id = a.call_id
        where a.source = 'history'`,
    )
    expect(row).toEqual({ person_id: alt.id, date: '2026-03-23' })
    expect(await attended()).toBe(2)
  })

  it('commits a file once when two commits race, and finds people by full name', async () => {
    const by = { personId: staffPerson.id, actor: `person:${staffPerson.id}` as const }
    const bytes = new TextEncoder().encode(`Date,Full name\n2026-03-23,${rep.fullName.toLowerCase()}\n`)
    const started = await startHistoryImport(database.db, {
      fileName: 'names.csv',
      bytes,
      via: 'web',
      by,
      today: DEMO_TODAY,
    })
    expect(started.plan.writes).toHaveLength(1)
    const commit = () =>
      commitHistoryImport(database.db, {
        importId: started.importId,
        by,
        today: DEMO_TODAY,
        timeZone: 'America/New_York',
      })
    const results = await Promise.allSettled([commit(), commit()])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason.userMessage).toMatch(/^This file was already imported on .+ by Avery Keeper/)
    expect(
      await count(
        sql`select count(*)::int as n from attendance where history_import_id = ${started.importId}::uuid`,
      ),
    ).toBe(1)
  })

  it('refuses a malformed file with where it broke, storing nothing', async () => {
    const before = await count(sql`select count(*)::int as n from attendance_history_imports`)
    const res = await upload('broken.csv', new TextEncoder().encode('date,organisation\n2026-03-02,"Gulf\n'))
    expect(res.status).toBe(400)
    expect(await pageText(res)).toMatch(/Row \d+ of the CSV has a quoted cell that is not closed/)
    const headerless = await upload('notes.csv', new TextEncoder().encode('hello,world\n1,2\n'))
    expect(headerless.status).toBe(400)
    expect(await pageText(headerless)).toContain('Row 1 should be a header row naming a date column')
    expect(await count(sql`select count(*)::int as n from attendance_history_imports`)).toBe(before)
  })

  it('is for staff only', async () => {
    const holder = await seatHolder(database.db, org, 'representative', { since: '2026-11-01' })
    const member = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: holder.email })
    expect((await member.get(PAGE)).status).toBe(403)
    expect((await new Session(t.app).get(PAGE)).status).toBe(303)
  })
})

describe(`hub attendance history-import on ${testEngine}`, () => {
  let home = ''
  let env: Record<string, string>
  let reopen: () => Promise<Database>
  let dropDatabase = async () => {}

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'hub-history-'))
    let database: Database
    if (testEngine === 'postgres') {
      const server = await createTestDatabase()
      database = server
      env = { DATABASE_URL: server.url as string, HUB_TODAY: DEMO_TODAY }
      reopen = async () => server
      dropDatabase = () => server.drop()
    } else {
      // The run's migrated database, filled here and closed before the command opens it.
      const folder = await migratedDataFolder('hub-history-data-')
      dropDatabase = folder.drop
      const dataDir = path.join(folder.dir, 'pglite')
      database = await openDatabase({ kind: 'pglite', dataDir })
      env = { ...folder.env, HUB_TODAY: DEMO_TODAY }
      reopen = () => openDatabase({ kind: 'pglite', dataDir })
    }
    await buildNetwork(database.db)
    if (testEngine === 'pglite') await database.close()
  }, 120_000)
  afterAll(async () => {
    await dropDatabase()
    await rm(home, { recursive: true, force: true })
  })

  it('prints its JSON, exits 2 on problems, commits with --commit and refuses the same file twice', async () => {
    const bad = path.join(home, 'bad.csv')
    await writeFile(bad, PROBLEMS)
    const refused = await runHub(['attendance', 'history-import', bad, '--commit', '--json'], env)
    expect(refused.code).toBe(2)
    const doc = JSON.parse(refused.stdout)
    expect(Object.keys(doc)).toEqual(['importId', 'status', 'rows', 'written', 'alreadyPresent', 'problems'])
    expect(doc).toMatchObject({ status: 'preview', rows: 9, written: 1, alreadyPresent: 0 })
    expect(doc.problems).toHaveLength(7)
    expect(doc.problems[0]).toEqual({
      row: 3,
      message: 'This row repeats row 2: Gulf Coast Makers on March 2, 2026.',
    })

    const good = path.join(home, 'good.csv')
    await writeFile(good, GOOD)
    const preview = await runHub(['attendance', 'history-import', good], env)
    expect(preview.code).toBe(0)
    expect(preview.stdout).toContain('Preview of good.csv (nothing written): 2 attendance records to write.')
    const committed = await runHub(['attendance', 'history-import', good, '--commit', '--json'], env)
    expect(committed.stderr).toBe('')
    expect(committed.code).toBe(0)
    expect(JSON.parse(committed.stdout)).toMatchObject({
      status: 'committed',
      rows: 3,
      written: 2,
      alreadyPresent: 1,
      problems: [],
    })
    const twice = await runHub(['attendance', 'history-import', good, '--commit'], env)
    expect(twice.code).toBe(2)
    expect(twice.stderr).toMatch(/This file was already imported on .* by the command line/)

    const database = await reopen()
    try {
      const [n] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from attendance where source = 'history'`,
      )
      expect(n?.n).toBe(2)
    } finally {
      if (testEngine === 'pglite') await database.close()
    }
  }, 180_000)
})
