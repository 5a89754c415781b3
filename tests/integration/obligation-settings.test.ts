import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { attendance } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { getSettings } from '../../src/features/settings/settings.ts'
import { createCall, createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { runHub } from '../support/run-hub.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2026-11-26'
const PATH = '/staff/settings/obligations'

describe(`staff set when the records begin and the presentation cut-off (${testEngine})`, () => {
  let database: Database
  let dir: string | undefined
  let drop: () => Promise<void>
  let env: Record<string, string>
  let t: TestApp
  let staff: Session
  let rep: Session
  let staffId: string
  const org = { slug: '' }

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      const test = await createTestDatabase()
      database = test
      env = { DATABASE_URL: test.url ?? '' }
      drop = () => test.drop()
    } else {
      dir = await mkdtemp(path.join(os.tmpdir(), 'hub-obligation-settings-'))
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
    const { db } = database
    const veteran = await createOrganization(db, { name: 'Veteran Community', admittedOn: '2023-01-02' })
    org.slug = veteran.slug
    const person = await seatHolder(db, veteran, 'representative', { since: '2023-01-02' })
    const first = await createCall(db, '2024-06-03')
    for (const day of ['2025-03-03', '2025-06-02', '2026-02-02']) await createCall(db, day)
    await writeAs(db, 'system', (tx) =>
      tx
        .insert(attendance)
        .values({ callId: first.id, personId: person.id, seconds: 1800, source: 'roll_call' }),
    )
    t = await createTestApp(database, { today: TODAY })
    const staffPerson = await createPerson(db, { role: 'staff' })
    staffId = staffPerson.id
    staff = new Session(t.app)
    await signInAs(staff, db, t.auth, { email: staffPerson.email })
    rep = new Session(t.app)
    await signInAs(rep, db, t.auth, { email: person.email })
  }, 120_000)
  afterAll(async () => {
    await t?.stop()
    await drop()
  })

  const status2025 = async () => pageText(await staff.get(`/organizations/${org.slug}/obligations?year=2025`))

  it('shows the dates in force and what they mean, and is linked from the staff pages', async () => {
    const text = await pageText(await staff.get(PATH))
    expect(text).toContain(
      'Records begin on June 3, 2024: no date is set, so the first call with any attendance decides.',
    )
    expect(text).toContain('Before June 3, 2024 the obligations pages')
    expect(text).toContain(
      'An organisation admitted on or after October 1 owes no presentation in the year it joins',
    )
    expect(await (await staff.get('/staff/settings/site')).text()).toContain(`href="${PATH}"`)
  })

  it('refuses anyone but staff', async () => {
    expect((await rep.get(PATH)).status).toBe(403)
    const refused = await rep.post(PATH, { recordsBeginOn: '2026-01-01', cutoffMonth: '10', cutoffDay: '1' })
    expect(refused.status).toBe(403)
    expect((await getSettings(database.db)).recordsBeginOn).toBeNull()
  })

  it('refuses a date that is not real, a date after today and a cut-off the year lacks, saying what it wants', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ recordsBeginOn: '2025-02-30' }, 'Enter the date records begin as a real date, such as 2024-03-01.'],
      [{ recordsBeginOn: 'soon' }, 'Enter the date records begin as a real date, such as 2024-03-01.'],
      [{ recordsBeginOn: '2026-11-27' }, 'Records cannot begin after today (November 26, 2026)'],
      [{ cutoffMonth: '2', cutoffDay: '29' }, 'February has no day 29 in every year'],
      [{ cutoffMonth: '13' }, 'Choose the month of the cut-off.'],
      [{ cutoffDay: 'first' }, 'Enter the day of the cut-off as a number from 1 to 31.'],
      [{ cutoffMonth: '0x0a' }, 'Choose the month of the cut-off.'],
      [{ cutoffDay: '1e1' }, 'Enter the day of the cut-off as a number from 1 to 31.'],
      [{ recordsBeginOn: '0001-01-01' }, 'Records cannot begin before January 1, 2000'],
    ]
    for (const [fields, message] of cases) {
      const res = await staff.post(PATH, { recordsBeginOn: '', cutoffMonth: '10', cutoffDay: '1', ...fields })
      expect(res.status, JSON.stringify(fields)).toBe(400)
      const text = await pageText(res)
      expect(text).toContain(message)
      expect(text).toContain('Nothing was saved')
    }
    const stored = await getSettings(database.db)
    expect(stored.recordsBeginOn).toBeNull()
    expect(stored.presentationAdmissionCutoff).toBe('10-01')
  })

  it('makes a year before the new date "No records" on the obligations pages and in hub compliance', async () => {
    expect(await status2025()).not.toContain('No records')
    const saved = await staff.post(PATH, { recordsBeginOn: '2026-01-05', cutoffMonth: '7', cutoffDay: '1' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${PATH}?saved=1`)
    const text = await pageText(await staff.get(`${PATH}?saved=1`))
    expect(text).toContain('Saved: the obligations pages use the new dates.')
    expect(text).toContain('Records begin on January 5, 2026, the date set here.')
    expect(text).toContain('Before January 5, 2026 the obligations pages')
    expect(text).toContain('admitted on or after July 1 owes no presentation')
    expect(await status2025()).toContain('Status: No records')
    const audit = await queryRows<{ actor: string; key: string }>(
      database.db,
      sql`select actor, after->>'key' as key from audit_log where table_name = 'settings' order by at`,
    )
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor: `person:${staffId}`, key: 'recordsBeginOn' },
        { actor: `person:${staffId}`, key: 'presentationAdmissionCutoff' },
      ]),
    )
    if (dir) await database.close()
    try {
      const json = await runHub(['compliance', '--year', '2025', '--today', TODAY, '--json'], env)
      expect(json.stderr).toBe('')
      const rows = JSON.parse(json.stdout) as { name: string; status: string }[]
      expect(rows.find((r) => r.name === 'Veteran Community')?.status).toBe('no_records')
    } finally {
      if (dir) database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') })
    }
  }, 120_000)
})
