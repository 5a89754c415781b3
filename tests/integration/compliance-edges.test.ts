import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { attendance, settings } from '../../src/db/schema/index.ts'
import { complianceRow, computeYearCompliance } from '../../src/features/obligations/compliance.ts'
import { loadYearRecords } from '../../src/features/obligations/records.ts'
import { dueFromRecords } from '../../src/features/reminders/reminders.ts'
import { getSettings } from '../../src/features/settings/settings.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { runHub } from '../support/run-hub.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp } from '../support/test-app.ts'
import { createTestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2026-11-26'

/**
 * A small network whose records begin on 3 March 2025 (its first attended call), with a
 * community admitted long before, one admitted in June 2026 and one admitted today.
 */
async function buildNetwork(db: Database['db']) {
  const veteran = await createOrganization(db, { name: 'Veteran Community', admittedOn: '2023-01-02' })
  const june = await createOrganization(db, { name: 'June Community', admittedOn: '2026-06-10' })
  const today = await createOrganization(db, { name: 'Newest Community', admittedOn: TODAY })
  const rep = await seatHolder(db, veteran, 'representative', { since: '2023-01-02' })
  await seatHolder(db, june, 'representative', { since: '2026-06-10' })
  const newRep = await seatHolder(db, today, 'representative', { since: TODAY })
  for (const day of ['2024-06-03', '2025-01-06']) await createCall(db, day)
  const first = await createCall(db, '2025-03-03')
  for (const day of ['2025-06-02', '2026-02-02', '2026-07-06', '2026-11-30', '2026-12-07'])
    await createCall(db, day)
  await writeAs(db, 'system', (tx) =>
    tx.insert(attendance).values({ callId: first.id, personId: rep.id, seconds: 1800, source: 'roll_call' }),
  )
  return { veteran, june, today, newRep }
}

describe(`status at the edges of the records (${testEngine})`, () => {
  let database: Database
  let dir: string | undefined
  let drop: () => Promise<void>
  let env: Record<string, string>
  let orgs: {
    veteran: TestOrganization
    june: TestOrganization
    today: TestOrganization
    newRep: { email: string }
  }

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      const test = await createTestDatabase()
      database = test
      env = { DATABASE_URL: test.url ?? '' }
      drop = () => test.drop()
    } else {
      dir = await mkdtemp(path.join(os.tmpdir(), 'hub-edges-'))
      database = await openDatabase({
        kind: 'pglite',
        dataDir: path.join(dir, 'pglite'),
        loadDataDir: new Blob([await readFile(inject('pgliteSnapshot'))]),
      })
      env = { DATA_DIR: dir }
      drop = async () => {
        await database.close()
        await rm(dir as string, { recursive: true, force: true })
      }
    }
    orgs = await buildNetwork(database.db)
  }, 120_000)
  afterAll(async () => {
    await drop()
  })

  const statuses = async (year: number, today = TODAY) =>
    Object.fromEntries(
      (await computeYearCompliance(database.db, { year, today })).map((c) => [c.name, c.obligations]),
    )

  it('gives "no records" for a year before the first attended call, not "not compliant"', async () => {
    const y2024 = await statuses(2024)
    expect(y2024['Veteran Community']?.status).toBe('no_records')
    expect(y2024['Veteran Community']?.sharingQuarters.map((q) => q.status)).toEqual([
      'no_records',
      'no_records',
      'no_records',
      'no_records',
    ])
    const y2025 = await statuses(2025)
    const veteran = y2025['Veteran Community']
    expect(veteran?.sharingQuarters[0]?.status).toBe('no_records')
    expect(veteran?.sharingQuarters[1]?.status).toBe('missed')
    // Only the calls from 3 March count: 3 March and 2 June, one attended.
    expect(veteran?.attendance).toMatchObject({ held: 2, attended: 1 })
  })

  it('reads the start of the records from the setting when staff set one', async () => {
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values({ key: 'recordsBeginOn', value: '2025-07-01' }),
    )
    try {
      const y2025 = await statuses(2025)
      // Q3 starts on the day the records begin: it is judged.
      expect(y2025['Veteran Community']?.sharingQuarters.map((q) => q.status).slice(0, 3)).toEqual([
        'no_records',
        'no_records',
        'missed',
      ])
      expect(y2025['Veteran Community']?.attendance.held).toBe(0)
    } finally {
      await writeAs(database.db, 'system', (tx) => tx.delete(settings))
    }
  })

  it('pro-rates a mid-year admission, and calls a community admitted today on track', async () => {
    const y2026 = await statuses(2026, '2026-06-10')
    expect(y2026['June Community']?.status).toBe('on_track')
    expect(y2026['June Community']?.presentation.required).toBe(true)
    expect(y2026['June Community']?.sharingQuarters.map((q) => q.status)).toEqual([
      'not_required',
      'not_required',
      'due',
      'due',
    ])
    const now = await statuses(2026)
    expect(now['Newest Community']?.status).toBe('on_track')
    expect(now['Newest Community']?.presentation.required).toBe(false)
    expect(now['Newest Community']?.sharingQuarters.every((q) => q.status === 'not_required')).toBe(true)
  })

  it('sends no reminder for a period with no records', async () => {
    const due = async (today: string) => {
      const year = Number(today.slice(0, 4))
      const records = await loadYearRecords(database.db, { year })
      return dueFromRecords({
        today,
        settings: await getSettings(database.db),
        records,
        tomorrowRecords: records,
      })
        .filter((r) => r.kind !== 'call_tomorrow')
        .filter((r) => 'organizationId' in r && r.organizationId === orgs.veteran.id)
    }
    // Late December 2026: the veteran's Q4 has no record, so it is reminded.
    expect((await due('2026-12-20')).map((r) => r.kind)).toContain('sharing_due')
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values({ key: 'recordsBeginOn', value: '2027-01-01' }),
    )
    try {
      expect(await due('2026-12-20')).toEqual([])
    } finally {
      await writeAs(database.db, 'system', (tx) => tx.delete(settings))
    }
  })

  it('shows "No records" on the obligations pages and in the CSV, and what a newcomer will owe', async () => {
    const t = await createTestApp(database, { today: TODAY })
    try {
      const rep = new Session(t.app)
      await signInAs(rep, database.db, t.auth, { email: orgs.newRep.email })
      const page = await (await rep.get(`/organizations/${orgs.today.slug}/obligations`)).text()
      expect(page).toContain('On track')
      expect(page).toContain('No presentation is due in 2026: admitted on or after October 1, 2026.')
      const staff = new Session(t.app)
      await signInAs(staff, database.db, t.auth, {
        email: (await createPerson(database.db, { role: 'staff' })).email,
      })
      const old = await (await staff.get(`/organizations/${orgs.veteran.slug}/obligations?year=2024`)).text()
      expect(old).toContain(
        'Status: <span class="badge obligation-status status-no_records">No records</span>',
      )
      expect(old).toContain('The network&#39;s records begin on March 3, 2025.')
      const csv = await (await staff.get('/staff/obligations.csv?year=2024')).text()
      expect(csv.split('\n').find((line) => line.includes('Veteran Community'))).toContain('No records')
      // The sharing page judges its quarters from the same day: Q1 2025 has no records, Q2 was missed.
      const sharing = await pageText(await staff.get(`/organizations/${orgs.veteran.slug}/sharing?year=2025`))
      expect(sharing).toContain('Q1 January to March No records')
      expect(sharing).toContain('Q2 April to June Missed')
    } finally {
      await t.stop()
    }
  }, 120_000)

  it('prints "no_records" in hub compliance, with the same JSON shape', async () => {
    const expected = (await computeYearCompliance(database.db, { year: 2024, today: TODAY })).map(
      complianceRow,
    )
    if (dir) await database.close()
    try {
      const json = await runHub(['compliance', '--year', '2024', '--today', TODAY, '--json'], env)
      expect(json.stderr).toBe('')
      const rows = JSON.parse(json.stdout) as { name: string; status: string }[]
      expect(rows).toEqual(JSON.parse(JSON.stringify(expected)))
      expect(rows.find((r) => r.name === 'Veteran Community')?.status).toBe('no_records')
      const table = await runHub(['compliance', '--year', '2024', '--today', TODAY], env)
      expect(table.stdout).toMatch(/Veteran Community .* No records$/m)
      expect(table.stdout).toContain('1 no records')
    } finally {
      if (dir) database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') })
    }
  }, 120_000)
})
