import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, recordAdmission, seatHolder, type TestPerson } from '../support/factories.ts'
import { fundingDigestsRecorded, fundingReader, importGrantsSample } from '../support/grants-factories.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { eventually } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { type Hub, startTimerHubs, type TimerHubs, twoMoreRuns, WAIT_MS } from '../support/timer-hubs.ts'

/** A Monday: the funding email of the week of 3 February tells of the extract of 28 January. */
const TODAY = '2025-02-03'
const WEEK = '2025-02-03'

const sentBy = (hub: Hub): number =>
  [...hub.output().matchAll(/funding digest: week of 2025-02-03, \d+ opted in, (\d+) sent/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  )

describe('the weekly funding email with two Hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  const readers: TestPerson[] = []
  let hubs: TimerHubs | undefined

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    const db = database.db
    await importGrantsSample(db, { extractDay: '20250128', today: TODAY })
    for (let i = 0; i < 4; i++) {
      const org = await createOrganization(db, {
        focusIndustries: ['Aerospace and defense'],
        admittedOn: null,
      })
      await recordAdmission(db, org.id, 'admitted', '2024-01-08')
      for (const role of ['representative', 'alternate'] as const)
        readers.push(await fundingReader(db, await seatHolder(db, org, role, { since: '2024-01-08' })))
    }
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await hubs?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('sends each reader one funding email for the week, whichever process claims it, and no more', async () => {
    hubs = await startTimerHubs({ databaseUrl: database.url as string, smtpUrl: sink.url, today: TODAY })
    const { first, second } = hubs
    await eventually(
      async () => (await fundingDigestsRecorded(database.db, WEEK)) === readers.length,
      WAIT_MS,
      `${readers.length} funding emails recorded`,
    )
    await twoMoreRuns(hubs, (hub) => hub.output().match(/funding digest: week of/g)?.length ?? 0)
    const funding = sink.messages.filter((m) => m.subject.includes('funding for you'))
    expect(funding.flatMap((m) => m.to).sort()).toEqual(readers.map((r) => r.email.toLowerCase()).sort())
    expect(sentBy(first) + sentBy(second)).toBe(readers.length)
    expect(await hubs.stop()).toEqual([0, 0])
  }, 180_000)
})
