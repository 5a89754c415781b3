import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createLibraryItem,
  createNewsPost,
  digestReader,
  digestsRecorded,
} from '../support/announcement-factories.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from '../support/factories.ts'
import { startHubProcess } from '../support/run-hub.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/** A Monday: the digest of the week of 21 December (telling of 14 to 20 December) is due. */
const TODAY = '2026-12-21'
const WEEK = '2026-12-21'

type Hub = Awaited<ReturnType<typeof startHubProcess>>
type RunLine = { sent: number; taken: number; skipped: number; failed: number }

/** The digest runs a Hub process logged (LOG_LEVEL=debug logs every run, even one that sends nothing). */
function runsOf(hub: Hub): RunLine[] {
  return [
    ...hub
      .output()
      .matchAll(
        /digest: week of 2026-12-21, \d+ opted in, (\d+) sent, (\d+) already taken, (\d+) with nothing new, (\d+) failed/g,
      ),
  ].map((m) => ({ sent: Number(m[1]), taken: Number(m[2]), skipped: Number(m[3]), failed: Number(m[4]) }))
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting, after ${ms / 1000} s, for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('the weekly digest with two Hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let t: TestApp
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  const members: TestPerson[] = []
  const others: TestPerson[] = []
  const dirs: string[] = []
  const hubs: Hub[] = []

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    t = await createTestApp(database, { today: TODAY })
    const db = database.db
    for (let i = 0; i < 5; i++) {
      const org = await createOrganization(db)
      for (const role of ['representative', 'alternate'] as const)
        members.push(await digestReader(db, t.auth, await seatHolder(db, org, role)))
    }
    for (let i = 0; i < 4; i++) others.push(await digestReader(db, t.auth, await createPerson(db)))
    await createNewsPost(db, { title: 'A public post of the week', publishAt: '2026-12-16T15:00:00Z' })
    await createLibraryItem(db, {
      title: 'A members-only briefing of the week',
      approvedAt: '2026-12-17T15:00:00Z',
    })
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()))
    await sink?.stop()
    await t?.stop()
    await database?.drop()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('sends each reader one digest for the week, whichever process claims it, and no more', async () => {
    const env = {
      DATABASE_URL: database.url as string,
      SMTP_URL: sink.url,
      HUB_TODAY: TODAY,
      REMINDERS: 'on',
      REMINDER_INTERVAL_SECONDS: '1',
      AUTH_SECRET: 'a-secret-both-processes-share-0123456789',
      LOG_LEVEL: 'debug',
    }
    for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(path.join(os.tmpdir(), 'hub-digest-')))
    hubs.push(...(await Promise.all(dirs.map((dir) => startHubProcess({ ...env, DATA_DIR: dir })))))
    const [first, second] = hubs as [Hub, Hub]
    const readers = [...members, ...others]
    const digests = () => sink.messages.filter((m) => m.subject.includes('weekly digest'))

    await waitUntil(
      `${readers.length} digests recorded`,
      async () => (await digestsRecorded(database.db, WEEK)) === readers.length,
    )
    const settled = [runsOf(first).length, runsOf(second).length]
    await waitUntil(
      'two more runs in each process',
      () => runsOf(first).length >= (settled[0] ?? 0) + 2 && runsOf(second).length >= (settled[1] ?? 0) + 2,
    )

    // One email per reader: nobody twice, nobody left out.
    const to = digests().flatMap((m) => m.to)
    expect(to.sort()).toEqual(readers.map((r) => r.email.toLowerCase()).sort())
    // Each process sent a share (or all); together exactly one each; the later runs found all taken.
    const sentBy = (hub: Hub) => runsOf(hub).reduce((n, run) => n + run.sent, 0)
    expect(sentBy(first) + sentBy(second)).toBe(readers.length)
    for (const hub of hubs)
      expect(runsOf(hub).at(-1)).toEqual({ sent: 0, taken: readers.length, skipped: 0, failed: 0 })
    // What each reader may see: the members-only briefing only to seat holders.
    for (const email of digests()) {
      const isMember = members.some((m) => email.to.includes(m.email.toLowerCase()))
      expect(email.text.includes('A members-only briefing of the week')).toBe(isMember)
      expect(email.text).toContain('A public post of the week')
    }

    for (const hub of hubs.splice(0)) expect(await hub.stop()).toBe(0)
  }, 180_000)
})
