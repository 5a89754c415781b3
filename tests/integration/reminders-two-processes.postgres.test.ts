import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { saveChoices } from '../../src/features/reminders/preferences.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { eventually } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { type Hub, startTimerHubs, type TimerHubs, twoMoreRuns, WAIT_MS } from '../support/timer-hubs.ts'

/** A Sunday: a call tomorrow, Q4 closing without some sharing records, and March long over. */
const TODAY = '2026-12-20'

type RunLine = { due: number; sent: number; taken: number }

/** The runs a Hub process logged (LOG_LEVEL=debug logs every run, even one that sends nothing). */
function runsOf(hub: Hub): RunLine[] {
  return [
    ...hub.output().matchAll(/reminders: (\d+) due, (\d+) sent, (\d+) already taken, (\d+) failed/g),
  ].map((m) => ({ due: Number(m[1]), sent: Number(m[2]), taken: Number(m[3]) }))
}

describe('reminders with two Hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let hubs: TimerHubs | undefined

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
    await hubs?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('sends each due reminder once, whichever process claims it', async () => {
    hubs = await startTimerHubs({ databaseUrl: database.url as string, smtpUrl: sink.url, today: TODAY })
    const { first, second } = hubs

    // Both find the same reminders due...
    await eventually(
      () => runsOf(first).length > 0 && runsOf(second).length > 0,
      WAIT_MS,
      'a run in each process',
    )
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
    await eventually(async () => (await sentRows()) === due, WAIT_MS, `${due} reminders marked sent`)
    await twoMoreRuns(hubs, (hub) => runsOf(hub).length)

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

    expect(await hubs.stop()).toEqual([0, 0])
  }, 180_000)
})
