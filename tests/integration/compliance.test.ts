import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { openDatabase } from '../../src/db/client.ts'
import { attendance } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import {
  type ComplianceRow,
  complianceRow,
  computeYearCompliance,
} from '../../src/features/obligations/compliance.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const YEAR = 2026
const FIRST = `${YEAR}-01-01`
const LAST = `${YEAR}-12-31`

type Recount = {
  id: string
  name: string
  category: 'member' | 'bff'
  held: number
  attended: number
  remaining: number
}

/**
 * The demo year recounted from the raw rows in SQL, without the engine: the organisations
 * admitted on some day of the year; for each, the calls not cancelled on a day it was admitted
 * from the day the records begin (the first call with any attendance),
 * split at today, and the held ones on which the holder of its representative or alternate
 * seat that day has a record of at least 10 minutes. (The demo has one record per call and
 * person, so the longest record is the person's presence.)
 */
async function recount(db: TestDatabase['db'], today: string): Promise<Recount[]> {
  const admittedOn = (org: ReturnType<typeof sql>, day: ReturnType<typeof sql>) =>
    sql`(select e.kind from admission_events e where e.organization_id = ${org} and e.effective_on <= ${day}
      order by e.effective_on desc, e.recorded_at desc, e.id desc limit 1) in ('admitted', 'reinstated')`
  return queryRows<Recount>(
    db,
    sql`with orgs as (
        select o.id, o.name, o.category from organizations o
        where ${admittedOn(sql`o.id`, sql`${FIRST}::date`)}
          or exists (select 1 from admission_events e where e.organization_id = o.id
            and e.kind in ('admitted', 'reinstated') and e.effective_on between ${FIRST}::date and ${LAST}::date)
      ), records_begin as (
        select coalesce(min(c.local_date), ${today}::date) as day from calls c
        where c.status <> 'cancelled' and exists (select 1 from attendance a where a.call_id = c.id)
      ), counting as (
        select o.id as org_id, c.id as call_id, c.local_date from orgs o
        join calls c on c.status <> 'cancelled' and c.local_date between ${FIRST}::date and ${LAST}::date
        where ${admittedOn(sql`o.id`, sql`c.local_date`)} and c.local_date >= (select day from records_begin)
      ), attended as (
        select distinct k.org_id, k.call_id from counting k
        join seats s on s.organization_id = k.org_id and s.starts_on <= k.local_date
          and (s.ends_on is null or s.ends_on > k.local_date)
        join attendance a on a.call_id = k.call_id and a.person_id = s.person_id and a.seconds >= 600
        where k.local_date < ${today}::date
      )
      select o.id, o.name, o.category,
        (select count(*) from counting k where k.org_id = o.id and k.local_date < ${today}::date)::int as held,
        (select count(*) from attended t where t.org_id = o.id)::int as attended,
        (select count(*) from counting k where k.org_id = o.id and k.local_date >= ${today}::date)::int as remaining
      from orgs o order by o.id`,
  )
}

const byId = <T extends { organizationId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1))

describe(`compliance on the demo network (${testEngine})`, () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
  })
  afterAll(async () => {
    await database.drop()
  })

  const rows = async () =>
    (await computeYearCompliance(database.db, { year: YEAR, today: DEMO_TODAY })).map(complianceRow)

  it('agrees with an independent recount from the raw records, for every organisation', async () => {
    const [duplicates] = await queryRows<{ n: number }>(
      database.db,
      sql`select (count(*) - count(distinct (call_id, person_id)))::int as n from attendance`,
    )
    expect(duplicates?.n).toBe(0)
    const expected = await recount(database.db, DEMO_TODAY)
    const actual = await rows()
    expect(expected.length).toBeGreaterThan(30)
    expect(byId(actual).map((r) => r.organizationId)).toEqual(expected.map((r) => r.id))
    expect(
      byId(actual).map((r) => [r.name, r.category, r.callsHeld, r.callsAttended, r.callsRemaining, r.needed]),
    ).toEqual(
      expected.map((r) => [
        r.name,
        r.category,
        r.held,
        r.attended,
        r.remaining,
        Math.max(0, Math.ceil((r.held + r.remaining) / 2) - r.attended),
      ]),
    )
    // The demo has real variety: some attended a lot, some little, one handover mid-year.
    expect(new Set(actual.map((r) => r.status)).size).toBeGreaterThan(1)
    expect(actual.some((r) => r.callsAttended > 0 && r.callsAttended < r.callsHeld)).toBe(true)
  })

  it('lists the organisations by name with the documented shape', async () => {
    const actual = await rows()
    const names = actual.map((r) => r.name)
    expect(names).toEqual(
      [...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare),
    )
    const amp = actual.find((r) => r.name.startsWith('Advanced Manufacturing Partnership for Southern'))
    expect(amp).toBeDefined()
    expect(Object.keys(amp as ComplianceRow)).toEqual([
      'organizationId',
      'name',
      'category',
      'callsHeld',
      'callsAttended',
      'callsRemaining',
      'needed',
      'presentation',
      'sharingQuarters',
      'status',
    ])
    expect(amp?.sharingQuarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4])
    // On 26 November five calls are still to come: 30 November and four in December.
    expect(amp?.callsRemaining).toBe(5)
    const shared = new Set(
      (
        await queryRows<{ organization_id: string; quarter: number }>(
          database.db,
          sql`select distinct organization_id, extract(quarter from shared_on)::int as quarter
            from sharing_attestations where shared_on between ${FIRST}::date and ${LAST}::date`,
        )
      ).map((r) => `${r.organization_id}:${r.quarter}`),
    )
    for (const r of actual)
      for (const q of r.sharingQuarters) {
        if (q.status === 'not_required') continue
        expect(q.status === 'done').toBe(shared.has(`${r.organizationId}:${q.quarter}`))
        // The last quarter is still open on 26 November: due, never missed.
        if (q.quarter === 4) expect(q.status).not.toBe('missed')
      }
    for (const r of actual) {
      expect(['compliant', 'on_track', 'at_risk', 'not_compliant']).toContain(r.status)
      expect(['given', 'planned', 'missed', 'requested', 'none']).toContain(r.presentation.status)
    }
  })

  it('counts a seat holder’s attendance, not a colleague’s, on a call the organisation missed', async () => {
    const [org] = await queryRows<{ id: string; call_id: string; representative: string; colleague: string }>(
      database.db,
      sql`select o.id, c.id as call_id,
          (select s.person_id from seats s where s.organization_id = o.id and s.role = 'representative'
            and s.starts_on <= c.local_date and (s.ends_on is null or s.ends_on > c.local_date)) as representative,
          (select p.id from people p where not exists (select 1 from seats s where s.person_id = p.id)
            order by p.id limit 1) as colleague
        from organizations o join calls c on c.status <> 'cancelled' and c.local_date < ${DEMO_TODAY}::date
        where o.slug = 'amp-socal' and c.local_date >= '2026-02-01'
          and not exists (select 1 from attendance a join seats s on s.person_id = a.person_id
            and s.organization_id = o.id where a.call_id = c.id)
        order by c.local_date limit 1`,
    )
    if (!org) throw new Error('the demo has no call that amp-socal missed')
    const before = (await rows()).find((r) => r.organizationId === org.id)
    const add = (personId: string, seconds: number) =>
      writeAs(database.db, 'cli', (tx) =>
        tx.insert(attendance).values({ callId: org.call_id, personId, seconds, source: 'roll_call' }),
      )
    await add(org.colleague, 1800)
    const withColleague = (await rows()).find((r) => r.organizationId === org.id)
    expect(withColleague?.callsAttended).toBe(before?.callsAttended)
    await add(org.representative, 600)
    const withRepresentative = (await rows()).find((r) => r.organizationId === org.id)
    expect(withRepresentative?.callsAttended).toBe((before?.callsAttended ?? 0) + 1)
    expect(withRepresentative?.needed).toBe(Math.max(0, (before?.needed ?? 0) - 1))
    await database.db.execute(
      sql`delete from attendance where call_id = ${org.call_id} and source = 'roll_call'`,
    )
  })

  it('narrows to some organisations and ignores ids that are not ids', async () => {
    const all = await rows()
    const first = all[0]
    if (!first) throw new Error('no organisation')
    const some = await computeYearCompliance(database.db, {
      year: YEAR,
      today: DEMO_TODAY,
      organizationIds: [first.organizationId, 'not-an-id'],
    })
    expect(some.map(complianceRow)).toEqual([first])
  })
})

describe(`hub compliance (${testEngine})`, () => {
  let env: Record<string, string>
  let expected: ComplianceRow[]
  let cleanUp: () => Promise<void>

  beforeAll(async () => {
    // A database the child process can open: a PGlite folder, or a server database.
    if (testEngine === 'postgres') {
      const database = await createTestDatabase()
      await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
      expected = (await computeYearCompliance(database.db, { year: YEAR, today: DEMO_TODAY })).map(
        complianceRow,
      )
      env = { DATABASE_URL: database.url ?? '' }
      cleanUp = () => database.drop()
    } else {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-compliance-'))
      const database = await openDatabase({
        kind: 'pglite',
        dataDir: path.join(dir, 'pglite'),
        loadDataDir: new Blob([await readFile(inject('pgliteSnapshot'))]),
      })
      await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
      expected = (await computeYearCompliance(database.db, { year: YEAR, today: DEMO_TODAY })).map(
        complianceRow,
      )
      await database.close()
      env = { DATA_DIR: dir }
      cleanUp = () => rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
  afterAll(async () => {
    await cleanUp()
  })

  it('prints the same figures as JSON', async () => {
    const run = await runHub(['compliance', '--year', String(YEAR), '--today', DEMO_TODAY, '--json'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('prints a table for people, with the projection in words', async () => {
    const run = await runHub(['compliance', '--year', String(YEAR), '--today', DEMO_TODAY], env)
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^2026 as of November 26, 2026: \d+ organisations \(\d+ compliant, \d+ on track/)
    expect(lines[2]).toMatch(
      /^Organisation\s+Category\s+Held\s+Attended\s+Remaining\s+Attendance\s+Presentation/,
    )
    expect(run.stdout).toMatch(/secured|needs \d+ of the remaining \d+ calls|can no longer meet/)
    expect(lines.filter((l) => l.includes('Q1 '))).toHaveLength(expected.length)
  })

  it('refuses a malformed year with status 2, saying what it expected', async () => {
    const run = await runHub(['compliance', '--year', '26', '--json'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('hub: "26" is not a year for --year: write four digits, e.g. --year 2026\n')
    expect(run.stdout).toBe('')
  })
})
