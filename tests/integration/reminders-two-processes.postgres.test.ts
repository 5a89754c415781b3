import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { saveChoices } from '../../src/features/reminders/preferences.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { startHubProcess } from '../support/run-hub.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/** A Sunday: a call tomorrow, Q4 closing without some sharing records, and March long over. */
const TODAY = '2026-12-20'

type Hub = Awaited<ReturnType<typeof startHubProcess>>
type RunLine = { due: number; sent: number; taken: number }

/** The runs a Hub process logged (LOG_LEVEL=debug logs every run, even one that sends nothing). */
function runsOf(hub: Hub): RunLine[] {
  return [
    ...hub.output().matchAll(/reminders: (\d+) due, (\d+) sent, (\d+) already taken, (\d+) failed/g),
  ].map((m) => ({ due: Number(m[1]), sent: Number(m[2]), taken: Number(m[3]) }))
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting, after ${ms / 1000} s, for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('reminders with two Hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  const dirs: string[] = []
  const hubs: Hub[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    const db = database.db
    await loadDemo(db, { isProduction: false, today: DEMO_TODAY })
    // More to send: two organisations behind on sharing and presentation, and the seat holders
    // of five organisations asking for the call reminder.
    await writeAs(db, 'cli', async (tx) => {
      for (const slug of ['amp-socal', 'south-kansas']) {
        await tx.execute(sql`delete from sharing_attestations where shared_on >= '2026-10-01'
          and organization_id = (select id from organizations where slug = ${slug})`)
        await tx.execute(sql`delete from presentations where year = 2026
          and organization_id = (select id from organizations where slug = ${slug})`)
      }
    })
    const holders = await queryRows<{ id: string }>(
      db,
      sql`select distinct s.person_id as id from seats s where s.ends_on is null and s.organization_id in
        (select id from organizations order by slug limit 5)`,
    )
    for (const h of holders) await saveChoices(db, h.id, { call_tomorrow: true })
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()))
    await sink?.stop()
    await database?.drop()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('sends each due reminder once, whichever process claims it', async () => {
    const env = {
      DATABASE_URL: database.url as string,
      SMTP_URL: sink.url,
      HUB_TODAY: TODAY,
      REMINDERS: 'on',
      REMINDER_INTERVAL_SECONDS: '1',
      AUTH_SECRET: 'a-secret-both-processes-share-0123456789',
      LOG_LEVEL: 'debug',
    }
    for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(path.join(os.tmpdir(), 'hub-reminders-')))
    hubs.push(...(await Promise.all(dirs.map((dir) => startHubProcess({ ...env, DATA_DIR: dir })))))
    const [first, second] = hubs as [Hub, Hub]

    // Both find the same reminders due...
    await waitUntil('a run in each process', () => runsOf(first).length > 0 && runsOf(second).length > 0)
    const due = runsOf(first)[0]?.due ?? 0
    expect(due).toBeGreaterThan(20)
    expect(runsOf(second)[0]?.due).toBe(due)
    // ...and, once all are sent, each runs at least twice more with nothing left to send.
    const sentRows = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from reminder_deliveries where sent_at is not null`,
        )
      )[0]?.n ?? 0
    await waitUntil(`${due} reminders marked sent`, async () => (await sentRows()) === due)
    const settled = [runsOf(first).length, runsOf(second).length]
    await waitUntil(
      'two more runs in each process',
      () => runsOf(first).length >= (settled[0] ?? 0) + 2 && runsOf(second).length >= (settled[1] ?? 0) + 2,
    )

    // Every reminder arrived once: no (recipient, subject) twice, as many emails as reminders.
    const received = sink.messages.map((m) => `${m.to.join(',')} ${m.subject}`)
    expect(new Set(received).size).toBe(received.length)
    expect(received).toHaveLength(due)
    expect(await sentRows()).toBe(due)
    // The two processes' sends add up to that, and the last runs of both found everything taken.
    const sentBy = (hub: Hub) => runsOf(hub).reduce((n, run) => n + run.sent, 0)
    expect(sentBy(first) + sentBy(second)).toBe(due)
    expect(runsOf(first).at(-1)).toEqual({ due, sent: 0, taken: due })
    expect(runsOf(second).at(-1)).toEqual({ due, sent: 0, taken: due })
    expect(received.filter((line) => line.includes('Tomorrow: the national call')).length).toBeGreaterThan(5)

    for (const hub of hubs.splice(0)) expect(await hub.stop()).toBe(0)
  }, 180_000)
})
