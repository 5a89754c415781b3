import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createLibraryItem,
  createNewsPost,
  digestReader,
  digestsRecorded,
} from '../support/announcement-factories.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from '../support/factories.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, eventually, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { type Hub, startTimerHubs, type TimerHubs, twoMoreRuns, WAIT_MS } from '../support/timer-hubs.ts'

/** A Monday: the digest of the week of 21 December (telling of 14 to 20 December) is due. */
const TODAY = '2026-12-21'
const WEEK = '2026-12-21'

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

describe('the weekly digest with two Hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let t: TestApp
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  const members: TestPerson[] = []
  const others: TestPerson[] = []
  let hubs: TimerHubs | undefined

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
    await hubs?.stop()
    await sink?.stop()
    await t?.stop()
    await database?.drop()
  })

  it('sends each reader one digest for the week, whichever process claims it, and no more', async () => {
    hubs = await startTimerHubs({ databaseUrl: database.url as string, smtpUrl: sink.url, today: TODAY })
    const { first, second } = hubs
    const readers = [...members, ...others]
    const digests = () => sink.messages.filter((m) => m.subject.includes('weekly digest'))

    await eventually(
      async () => (await digestsRecorded(database.db, WEEK)) === readers.length,
      WAIT_MS,
      `${readers.length} digests recorded`,
    )
    await twoMoreRuns(hubs, (hub) => runsOf(hub).length)

    // One email per reader: nobody twice, nobody left out.
    const to = digests().flatMap((m) => m.to)
    expect(to.sort()).toEqual(readers.map((r) => r.email.toLowerCase()).sort())
    // Each process sent a share (or all); together exactly one each; the later runs found all taken.
    const sentBy = (hub: Hub) => runsOf(hub).reduce((n, run) => n + run.sent, 0)
    expect(sentBy(first) + sentBy(second)).toBe(readers.length)
    for (const hub of [first, second])
      expect(runsOf(hub).at(-1)).toEqual({ sent: 0, taken: readers.length, skipped: 0, failed: 0 })
    // What each reader may see: the members-only briefing only to seat holders.
    for (const email of digests()) {
      const isMember = members.some((m) => email.to.includes(m.email.toLowerCase()))
      expect(email.text.includes('A members-only briefing of the week')).toBe(isMember)
      expect(email.text).toContain('A public post of the week')
    }

    expect(await hubs.stop()).toEqual([0, 0])
  }, 180_000)
})
