import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FundingDigestRun, runFundingDigest } from '../../src/features/grants/index.ts'
import { createMailer } from '../../src/lib/mailer.ts'
import {
  createOrganization,
  createPerson,
  recordAdmission,
  seatHolder,
  type TestPerson,
} from '../support/factories.ts'
import { testClock } from '../support/fixtures.ts'
import { fundingDigestsRecorded, fundingReader, importGrantsSample } from '../support/grants-factories.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A Monday: the email of the week of 3 February tells of what the Hub first read from 27 January. */
const TODAY = '2025-02-03'
const WEEK = '2025-02-03'

describe(`the weekly funding email on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let representative: TestPerson
  let alternate: TestPerson
  let notAsked: TestPerson
  let noSeat: TestPerson

  const run = (today = TODAY): Promise<FundingDigestRun> =>
    runFundingDigest({
      db: database.db,
      mailer: createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent', from: 'Hub <hub@example.org>' }),
      origin: 'https://hub.example.org',
      secret: 'a-secret-for-the-unsubscribe-links-0123456789',
      clock: testClock(today),
    })

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    sink = await startSmtpSink()
    const db = database.db
    await importGrantsSample(db, { extractDay: '20250128', today: TODAY })
    const community = await createOrganization(db, {
      name: 'Harbor Aerospace Community',
      focusIndustries: ['Aerospace and defense'],
      admittedOn: null,
    })
    await recordAdmission(db, community.id, 'admitted', '2024-01-08')
    representative = await fundingReader(
      db,
      await seatHolder(db, community, 'representative', { since: '2024-01-08' }),
    )
    alternate = await fundingReader(db, await seatHolder(db, community, 'alternate', { since: '2024-01-08' }))
    notAsked = await createPerson(db)
    const other = await createOrganization(db, { admittedOn: null })
    await recordAdmission(db, other.id, 'admitted', '2024-01-08')
    await seatHolder(db, other, 'representative', { since: '2024-01-08', person: notAsked })
    noSeat = await fundingReader(db, await createPerson(db))
  })
  afterAll(async () => {
    await sink?.stop()
    await database?.drop()
  })

  it('sends each seat holder who asked one email for the week, with what is new and why, and never again that week', async () => {
    const [first, second] = await Promise.all([run(), run()])
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(2)
    expect(await fundingDigestsRecorded(database.db, WEEK)).toBe(2)
    const to = sink.messages.flatMap((m) => m.to).sort()
    expect(to).toEqual([representative.email, alternate.email].map((e) => e.toLowerCase()).sort())
    expect(to).not.toContain(notAsked.email.toLowerCase())
    expect(to).not.toContain(noSeat.email.toLowerCase())
    const email = await sink.waitFor(representative.email.toLowerCase())
    expect(email.subject).toContain('funding for you: 4 new')
    expect(email.text).toContain('For Harbor Aerospace Community')
    expect(email.text).toContain('Defense Industrial Base Workforce Pilots (SYNTHETIC SAMPLE)')
    expect(email.text).toContain('Why: Funding category: Employment, labor and training (ELT)')
    expect(email.text).toContain('https://hub.example.org/funding/990002')
    expect(email.text).toMatch(/To stop it, open:\s+https:\/\/hub\.example\.org\/reminders\/unsubscribe/)
    const again = await run()
    expect(again).toMatchObject({ sent: 0, taken: 2, skipped: 1 })
    expect(sink.messages).toHaveLength(2)
  })

  it('tells next week only of what closes within 14 days, and nothing when nothing does', async () => {
    const nextWeek = await run('2025-02-17')
    expect(nextWeek.sent).toBe(2)
    const email = sink.messages.at(-1)
    expect(email?.subject).toContain('1 closing soon')
    expect(email?.text).toContain('Closing in the next 14 days')
    expect(email?.text).toContain('Closes February 28, 2025')
    expect(email?.text).not.toContain('Regional Manufacturing Ecosystem')
    const quiet = await run('2025-03-03')
    expect(quiet).toMatchObject({ sent: 0, skipped: 3 })
  })
})
