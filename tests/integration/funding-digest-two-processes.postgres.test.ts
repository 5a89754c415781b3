import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, recordAdmission, seatHolder, type TestPerson } from '../support/factories.ts'
import { fundingDigestsRecorded, fundingReader, importGrantsSample } from '../support/grants-factories.ts'
import { startHubProcess } from '../support/run-hub.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/** A Monday: the funding email of the week of 3 February tells of the extract of 28 January. */
const TODAY = '2025-02-03'
const WEEK = '2025-02-03'

type Hub = Awaited<ReturnType<typeof startHubProcess>>

const sentBy = (hub: Hub): number =>
  [...hub.output().matchAll(/funding digest: week of 2025-02-03, \d+ opted in, (\d+) sent/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  )

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting, after ${ms / 1000} s, for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('the weekly funding email with two Hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  const readers: TestPerson[] = []
  const dirs: string[] = []
  const hubs: Hub[] = []

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
    await Promise.all(hubs.map((hub) => hub.stop()))
    await sink?.stop()
    await database?.drop()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('sends each reader one funding email for the week, whichever process claims it, and no more', async () => {
    const env = {
      DATABASE_URL: database.url as string,
      SMTP_URL: sink.url,
      HUB_TODAY: TODAY,
      REMINDERS: 'on',
      REMINDER_INTERVAL_SECONDS: '1',
      AUTH_SECRET: 'a-secret-both-processes-share-0123456789',
      LOG_LEVEL: 'debug',
    }
    for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(path.join(os.tmpdir(), 'hub-funding-')))
    hubs.push(...(await Promise.all(dirs.map((dir) => startHubProcess({ ...env, DATA_DIR: dir })))))
    const [first, second] = hubs as [Hub, Hub]
    await waitUntil(
      `${readers.length} funding emails recorded`,
      async () => (await fundingDigestsRecorded(database.db, WEEK)) === readers.length,
    )
    const runs = (hub: Hub) => hub.output().match(/funding digest: week of/g)?.length ?? 0
    const settled = [runs(first), runs(second)]
    await waitUntil(
      'two more runs in each process',
      () => runs(first) >= (settled[0] ?? 0) + 2 && runs(second) >= (settled[1] ?? 0) + 2,
    )
    const funding = sink.messages.filter((m) => m.subject.includes('funding for you'))
    expect(funding.flatMap((m) => m.to).sort()).toEqual(readers.map((r) => r.email.toLowerCase()).sort())
    expect(sentBy(first) + sentBy(second)).toBe(readers.length)
    for (const hub of hubs.splice(0)) expect(await hub.stop()).toBe(0)
  }, 180_000)
})
