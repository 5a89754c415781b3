import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DigestRunOptions, runDigest } from '../../src/features/announcements/run-digest.ts'
import { choicesOf } from '../../src/features/reminders/preferences.ts'
import { createMailer } from '../../src/lib/mailer.ts'
import {
  createLibraryItem,
  createNewsPost,
  digestReader,
  digestsRecorded,
  digestsSentTo,
} from '../support/announcement-factories.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from '../support/factories.ts'
import { testClock } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { type ReceivedEmail, startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A Wednesday: the digest of the week of Monday 21 December tells of 14 to 20 December. */
const TODAY = '2026-12-23'

describe(`the weekly digest on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let representative: TestPerson
  let visitorLike: TestPerson
  let notOptedIn: TestPerson

  const inbox = (person: TestPerson) =>
    sink.messages.filter((m: ReceivedEmail) => m.to.includes(person.email))
  const runOn = (day: string) => {
    const options: DigestRunOptions = {
      db: database.db,
      mailer: createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent', from: 'Hub <hub@example.org>' }),
      origin: TEST_ORIGIN,
      secret: t.auth.options.secret,
      clock: testClock(day),
    }
    return runDigest(options)
  }
  /** The items an email lists, by title, in its order. */
  const titlesIn = (email: ReceivedEmail | undefined) =>
    [...(email?.text ?? '').matchAll(/^- (.+) \(/gm)].map((m) => m[1])

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    sink = await startSmtpSink()
    t = await createTestApp(database, { today: TODAY })
    const db = database.db
    const org = await createOrganization(db)
    representative = await digestReader(db, t.auth, await seatHolder(db, org, 'representative'))
    visitorLike = await digestReader(db, t.auth, await createPerson(db))
    notOptedIn = await seatHolder(db, org, 'alternate')
    // The week of 14 December: what the digest of 21 December lists (to whom it may).
    await createNewsPost(db, { title: 'Redesignation of AMP SoCal', publishAt: '2026-12-15T15:00:00Z' })
    await createNewsPost(db, {
      title: 'Notes for members',
      publishAt: '2026-12-16T15:00:00Z',
      visibility: 'members',
    })
    await createLibraryItem(db, { title: 'Q4 workforce briefing', approvedAt: '2026-12-17T15:00:00Z' })
    await createLibraryItem(db, {
      title: 'Open supplier toolkit',
      kind: 'resource',
      visibility: 'public',
      publishedOn: '2026-12-18',
    })
    // Not in it: older, this week's (next digest), a draft, an item waiting for approval.
    await createNewsPost(db, { title: 'Older news', publishAt: '2026-12-10T15:00:00Z' })
    await createNewsPost(db, { title: 'Monday news', publishAt: '2026-12-22T15:00:00Z' })
    await createNewsPost(db, { title: 'Draft news', publishAt: '2026-12-15T15:00:00Z', status: 'draft' })
    await createLibraryItem(db, {
      title: 'Pending item',
      status: 'pending',
      approvedAt: '2026-12-17T15:00:00Z',
    })
  })
  beforeEach(() => {
    sink.messages.length = 0
  })
  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('offers the digest on the email choices page, off until the person turns it on', async () => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email: notOptedIn.email })
    const page = await (await session.get('/account/reminders')).text()
    expect(page).toContain('The weekly digest of news, briefings and resources')
    expect(page).toMatch(/id="reminder-weekly_digest" name="weekly_digest" value="on" aria-describedby/)
    expect((await session.post('/account/reminders', { weekly_digest: 'on', at_risk: 'on' })).status).toBe(
      303,
    )
    expect((await choicesOf(database.db, notOptedIn.id)).weekly_digest).toBe(true)
    await session.post('/account/reminders', { at_risk: 'on' })
    expect((await choicesOf(database.db, notOptedIn.id)).weekly_digest).toBe(false)
  })

  it('lists what each reader may see: a members-only briefing only to a member', async () => {
    const run = await runOn(TODAY)
    expect(run).toMatchObject({ weekStart: '2026-12-21', optedIn: 2, sent: 2, taken: 0, failed: 0 })
    expect(inbox(notOptedIn)).toHaveLength(0)
    const [toMember] = inbox(representative)
    expect(titlesIn(toMember)).toEqual([
      'Redesignation of AMP SoCal',
      'Notes for members',
      'Q4 workforce briefing',
      'Open supplier toolkit',
    ])
    expect(toMember?.subject).toBe('Network weekly digest: 2 news posts, 1 briefing, 1 resource')
    expect(toMember?.text).toContain('Q4 workforce briefing (December 17, 2026, members only)')
    expect(toMember?.text).toContain('in the week of Monday, December 14, 2026')
    const [toVisitor] = inbox(visitorLike)
    expect(titlesIn(toVisitor)).toEqual(['Redesignation of AMP SoCal', 'Open supplier toolkit'])
    expect(toVisitor?.subject).toBe('Network weekly digest: 1 news post, 1 resource')
    expect(toVisitor?.text).not.toContain('members')
    expect(await digestsRecorded(database.db, '2026-12-21')).toBe(2)
  })

  it('sends nothing more the same week', async () => {
    expect(await runOn('2026-12-27')).toMatchObject({ sent: 0, taken: 2 })
    expect(sink.messages).toHaveLength(0)
  })

  it('sends no email, and records none, in a week with nothing new for the reader', async () => {
    // The week of 28 December tells of 21 to 27 December: one public post.
    const next = await runOn('2026-12-28')
    expect(next).toMatchObject({ weekStart: '2026-12-28', sent: 2 })
    expect(titlesIn(inbox(visitorLike)[0])).toEqual(['Monday news'])
    sink.messages.length = 0
    const empty = await runOn('2027-01-05')
    expect(empty).toMatchObject({ weekStart: '2027-01-04', sent: 0, skipped: 2 })
    expect(sink.messages).toHaveLength(0)
    expect(await digestsRecorded(database.db, '2027-01-04')).toBe(0)
  })

  it('stops with the link in the email, without signing in; the header carries the same link', async () => {
    await createNewsPost(database.db, { title: 'January news', publishAt: '2027-01-05T15:00:00Z' })
    await runOn('2027-01-11')
    const email = inbox(representative)[0]
    const link = email?.text.match(/^(http\S+\/reminders\/unsubscribe\?token=\S+)$/m)?.[1] ?? ''
    expect(link).not.toBe('')
    const headers = (email?.raw ?? '').split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? ''
    expect(headers).toContain(`List-Unsubscribe: <${link}>`)
    const url = new URL(link)
    const visitor = new Session(t.app)
    const page = await visitor.get(`${url.pathname}${url.search}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const text = await pageText(page)
    expect(text).toContain('Stop the weekly digest')
    expect(text).toContain('Stop the emails “The weekly digest of news, briefings and resources”?')
    // Opening the link changes nothing: only the button does.
    expect((await choicesOf(database.db, representative.id)).weekly_digest).toBe(true)
    const token = url.searchParams.get('token') ?? ''
    // A post from another site (no form token, a foreign Origin) is refused.
    const forged = await t.app.request('/reminders/unsubscribe', {
      method: 'POST',
      body: new URLSearchParams({ token }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    })
    expect(forged.status).toBe(403)
    expect((await choicesOf(database.db, representative.id)).weekly_digest).toBe(true)
    expect((await visitor.post('/reminders/unsubscribe', { token })).status).toBe(303)
    expect((await choicesOf(database.db, representative.id)).weekly_digest).toBe(false)

    sink.messages.length = 0
    await createNewsPost(database.db, { title: 'More news', publishAt: '2027-01-12T15:00:00Z' })
    expect(await runOn('2027-01-18')).toMatchObject({ optedIn: 1, sent: 1 })
    expect(inbox(representative)).toHaveLength(0)
    expect(inbox(visitorLike)).toHaveLength(1)
    expect(await digestsSentTo(database.db, representative.id)).toBe(3)
  })
})
