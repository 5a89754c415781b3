import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimDigest, runDigest } from '../../src/features/announcements/run-digest.ts'
import { createMailer } from '../../src/lib/mailer.ts'
import { createNewsPost, digestReader, digestsRecorded } from '../support/announcement-factories.ts'
import { createPerson, type TestPerson } from '../support/factories.ts'
import { testClock } from '../support/fixtures.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A Monday: the digest of the week of 21 December (telling of 14 to 20 December) is due. */
const TODAY = '2026-12-21'
const WEEK = '2026-12-21'

describe(`a weekly digest claimed by a process that died, on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let reader: TestPerson

  const run = () =>
    runDigest({
      db: database.db,
      mailer: createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent', from: 'Hub <hub@example.org>' }),
      origin: TEST_ORIGIN,
      secret: t.auth.options.secret,
      clock: testClock(TODAY),
    })
  const received = () => sink.messages.filter((m) => m.to.includes(reader.email.toLowerCase()))
  /** Moves the reader's unsent claim back in time, as if its process died `minutes` ago. */
  const ageClaim = (minutes: number) =>
    database.db.execute(
      sql`update reminder_deliveries set claimed_at = hub_now() - make_interval(mins => ${minutes})
        where kind = 'weekly_digest' and subject = ${WEEK} and person_id = ${reader.id}::uuid and sent_at is null`,
    )

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    sink = await startSmtpSink()
    t = await createTestApp(database, { today: TODAY })
    reader = await digestReader(database.db, t.auth, await createPerson(database.db))
    await createNewsPost(database.db, { title: 'Mid-December news', publishAt: '2026-12-16T15:00:00Z' })
  })
  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('leaves a fresh claim to the process that holds it', async () => {
    // A process claimed the digest and died before the mail server answered.
    expect(await claimDigest(database.db, reader.id, WEEK)).toMatch(/^[0-9a-f-]{36}$/)
    await ageClaim(59)
    expect(await run()).toMatchObject({ weekStart: WEEK, sent: 0, taken: 1 })
    expect(received()).toHaveLength(0)
  })

  it('takes over a claim older than an hour and sends the digest once', async () => {
    await ageClaim(61)
    expect(await run()).toMatchObject({ sent: 1, taken: 0, failed: 0 })
    expect(received()).toHaveLength(1)
    expect(received()[0]?.text).toContain('Mid-December news')
    expect(await digestsRecorded(database.db, WEEK)).toBe(1)
    // Sent: nobody takes it over again, however old.
    await database.db.execute(
      sql`update reminder_deliveries set claimed_at = hub_now() - interval '3 days'
        where kind = 'weekly_digest' and person_id = ${reader.id}::uuid`,
    )
    expect(await run()).toMatchObject({ sent: 0, taken: 1 })
    expect(received()).toHaveLength(1)
  })
})
