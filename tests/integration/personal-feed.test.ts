import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { calls, presentations } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { icsEvents, unescapeText, validateIcs } from '../../src/features/calendar/ics-validate.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'
const PAGE = '/account/calendar'
const FEED_URL = new RegExp(`${TEST_ORIGIN}/calendar/people/([A-Za-z0-9_-]{43})\\.ics`)

describe(`private calendar feeds on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let representative: Session
  let staff: Session
  let representativeId: string
  let extraCallId: string
  let ownPresentation: string
  let otherPresentation: string

  /** Creates (or replaces) the private feed of `session`'s person; returns the page and the feed's path. */
  async function createFeed(session: Session) {
    const res = await session.post('/account/calendar/feed', {})
    const html = await res.text()
    const match = html.match(FEED_URL)
    return { res, html, token: match?.[1] ?? '', path: match ? new URL(match[0]).pathname : '' }
  }
  const fetchFeed = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })
  const activeFeeds = (personId: string) =>
    queryRows<{ token_hash: string }>(
      database.db,
      sql`select token_hash from calendar_feeds where person_id = ${personId} and revoked_at is null`,
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    const [holder] = await queryRows<{ id: string; email: string }>(
      database.db,
      sql`select p.id::text as id, p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = ${ORG_A} and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    representativeId = holder?.id ?? ''
    representative = new Session(t.app)
    await signInAs(representative, database.db, t.auth, { email: holder?.email ?? '' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })

    // An extra call next year with two presentation slots: AMP SoCal's (still only requested)
    // and another organisation's (planned).
    ;({ extraCallId, ownPresentation, otherPresentation } = await writeAs(database.db, 'cli', async (tx) => {
      const [call] = await tx
        .insert(calls)
        .values({
          localDate: '2027-01-11',
          startTime: '13:00',
          timeZone: 'America/New_York',
          startsAt: '2027-01-11T18:00:00Z',
          durationMinutes: 30,
          status: 'scheduled',
          isSeries: false,
          title: 'National call',
        })
        .returning({ id: calls.id })
      const orgs = await queryRows<{ id: string; slug: string }>(
        tx,
        sql`select id::text as id, slug from organizations where slug in (${ORG_A}, ${ORG_B})`,
      )
      const idOf = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? ''
      const [own, other] = await tx
        .insert(presentations)
        .values([
          {
            organizationId: idOf(ORG_A),
            year: 2027,
            callId: call?.id,
            status: 'requested',
            title: 'Aerospace supply chains',
          },
          { organizationId: idOf(ORG_B), year: 2027, callId: call?.id, status: 'planned' },
        ])
        .returning({ id: presentations.id })
      return {
        extraCallId: call?.id ?? '',
        ownPresentation: own?.id ?? '',
        otherPresentation: other?.id ?? '',
      }
    }))
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('explains the network feed and the private one to a signed-in person who has none yet', async () => {
    const res = await representative.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain(`value="${TEST_ORIGIN}/calendar/network.ics"`)
    expect(html).toContain('href="webcal://localhost:3000/calendar/network.ics"')
    expect(html).toContain('action="/account/calendar/feed"')
    const text = await pageText(new Response(html))
    expect(text).toContain('You have no private feed.')
    expect(text).toContain('the presentation slots of AMP SoCal')
    expect(html).not.toMatch(FEED_URL)
    const visitor = await t.app.request(PAGE)
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('location')).toMatch(/^\/sign-in/)
  })

  it('shows a new feed address once, keeps only its SHA-256, and serves the feed at it', async () => {
    const { res, html, token, path } = await createFeed(representative)
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(token).toHaveLength(43)
    expect(html).toMatch(/<input id="private-feed" type="text" readonly="" value="[^"]+"/)
    expect(html).toContain(`href="webcal://localhost:3000${path}"`)
    expect(await pageText(new Response(html))).toContain('Copy the address now: it is shown only this once.')
    expect(await activeFeeds(representativeId)).toEqual([
      { token_hash: createHash('sha256').update(token).digest('hex') },
    ])
    const stored = await queryRows<{ row: string }>(
      database.db,
      sql`select t::text as row from calendar_feeds t`,
    )
    expect(stored.some((r) => r.row.includes(token))).toBe(false)
    const audit = await queryRows<{ row: string }>(
      database.db,
      sql`select a::text as row from audit_log a where table_name = 'calendar_feeds'`,
    )
    expect(audit.length).toBeGreaterThan(0)
    expect(audit.some((r) => r.row.includes(token) || r.row.includes('token_hash'))).toBe(false)

    // Shown once: the page after that says a feed exists, never its address.
    const later = await (await representative.get(PAGE)).text()
    expect(later).not.toContain(token)
    expect(await pageText(new Response(later))).toContain('You have a private feed, created')

    const feed = await fetchFeed(path)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(feed.headers.get('cache-control')).toBe('private, no-cache')
    expect(feed.headers.get('referrer-policy')).toBe('no-referrer')
    const text = await feed.text()
    expect(validateIcs(text)).toEqual([])
    const again = await fetchFeed(path, { 'If-None-Match': feed.headers.get('etag') ?? '' })
    expect(again.status).toBe(304)
  })

  it('carries the same call events as the network feed, with the members’ descriptions', async () => {
    const { path } = await createFeed(representative)
    const personal = icsEvents(await (await fetchFeed(path)).text())
    const network = icsEvents(await (await t.app.request('/calendar/network.ics')).text())
    expect(network.length).toBeGreaterThan(50)
    // The same events (UIDs, times, statuses, revisions); only the descriptions differ: the
    // public feed says a call is cancelled, a member's says why (issue 10, item 5).
    const schedule = (e: (typeof network)[number]) => ({ ...e, DESCRIPTION: undefined })
    expect(personal.filter((e) => !e.UID?.value.startsWith('presentation-')).map(schedule)).toEqual(
      network.map(schedule),
    )
    const memorialDay = personal.find((e) => e.DTSTART?.value.startsWith('20260525'))
    expect(unescapeText(memorialDay?.DESCRIPTION?.value ?? '')).toBe(
      'Cancelled: Federal holiday: Memorial Day',
    )
    const cancelled = personal.filter(
      (e) => e.STATUS?.value === 'CANCELLED' && e.SUMMARY?.value === 'National call',
    )
    expect(cancelled.length).toBeGreaterThanOrEqual(5)
  })

  it("adds the planned slots of the person's organisation, never another organisation's", async () => {
    const { path } = await createFeed(representative)
    const uidOf = (id: string) => `presentation-${id}@collaborative-hub`
    let events = icsEvents(await (await fetchFeed(path)).text())
    // Only requested: no slot yet.
    expect(events.map((e) => e.UID?.value)).not.toContain(uidOf(ownPresentation))

    await writeAs(database.db, 'cli', (tx) =>
      tx.update(presentations).set({ status: 'planned' }).where(eq(presentations.id, ownPresentation)),
    )
    const text = await (await fetchFeed(path)).text()
    expect(validateIcs(text)).toEqual([])
    events = icsEvents(text)
    const slot = events.find((e) => e.UID?.value === uidOf(ownPresentation))
    expect(slot?.SUMMARY?.value).toBe('Presentation: AMP SoCal')
    expect(slot?.DTSTART?.params.TZID).toBe('America/New_York')
    expect(slot?.DTSTART?.value).toBe('20270111T130000')
    expect(slot?.DTEND?.value).toBe('20270111T131500')
    expect(slot?.STATUS?.value).toBe('CONFIRMED')
    expect(slot?.SEQUENCE?.value).toBe('1')
    expect(unescapeText(slot?.DESCRIPTION?.value ?? '')).toContain('Title: Aerospace supply chains')
    expect(events.map((e) => e.UID?.value)).not.toContain(uidOf(otherPresentation))
    // The demo's own slot of AMP SoCal this year is there too; South Kansas's is not.
    const demoSlots = await queryRows<{ id: string; slug: string }>(
      database.db,
      sql`select p.id::text as id, o.slug from presentations p join organizations o on o.id = p.organization_id
        where p.year = 2026 and o.slug in (${ORG_A}, ${ORG_B}) and p.status in ('planned', 'given')`,
    )
    expect(demoSlots.map((d) => d.slug).sort()).toEqual([ORG_A, ORG_B])
    for (const demo of demoSlots)
      expect(events.some((e) => e.UID?.value === uidOf(demo.id))).toBe(demo.slug === ORG_A)

    // The page lists it too.
    expect(await pageText(await representative.get(PAGE))).toContain(
      'Presentation: AMP SoCal, January 11, 2027 (planned)',
    )

    // A cancelled call cancels the slot.
    await writeAs(database.db, 'cli', (tx) =>
      tx
        .update(calls)
        .set({ status: 'cancelled', cancelReason: 'Snowstorm' })
        .where(eq(calls.id, extraCallId)),
    )
    const afterCancel = icsEvents(await (await fetchFeed(path)).text()).find(
      (e) => e.UID?.value === uidOf(ownPresentation),
    )
    expect(afterCancel?.STATUS?.value).toBe('CANCELLED')
    expect(Number(afterCancel?.SEQUENCE?.value)).toBeGreaterThan(1)
    expect(unescapeText(afterCancel?.DESCRIPTION?.value ?? '')).toContain(
      'Cancelled: the call is cancelled (Snowstorm).',
    )
  })

  it('stops answering once revoked, with a bare 404', async () => {
    const { path, token } = await createFeed(representative)
    expect((await fetchFeed(path)).status).toBe(200)
    const res = await representative.post('/account/calendar/feed/revoke', {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/account/calendar?notice=revoked')
    expect(await pageText(await representative.get('/account/calendar?notice=revoked'))).toContain(
      'Your private feed was stopped: its address no longer answers.',
    )
    expect(await activeFeeds(representativeId)).toEqual([])
    const gone = await fetchFeed(path)
    expect(gone.status).toBe(404)
    expect(gone.headers.get('referrer-policy')).toBe('no-referrer')
    const body = await gone.text()
    expect(body).not.toContain(token)
    expect(await pageText(new Response(body))).toContain('There is nothing at this address.')
    // Nothing left to revoke.
    const again = await representative.post('/account/calendar/feed/revoke', {})
    expect(again.headers.get('location')).toBe('/account/calendar?notice=none')
  })

  it('replaces a feed: the old address stops, the new one works', async () => {
    const first = await createFeed(representative)
    const second = await createFeed(representative)
    expect(await pageText(new Response(second.html))).toContain('The old address has stopped working.')
    expect(second.token).not.toBe(first.token)
    expect((await fetchFeed(first.path)).status).toBe(404)
    expect((await fetchFeed(second.path)).status).toBe(200)
    expect(await activeFeeds(representativeId)).toHaveLength(1)
  })

  it('answers 404 to an address nobody was given', async () => {
    for (const path of [
      `/calendar/people/${'A'.repeat(43)}.ics`,
      '/calendar/people/short.ics',
      `/calendar/people/${'A'.repeat(42)}%00.ics`,
    ]) {
      const res = await fetchFeed(path)
      expect(res.status).toBe(404)
    }
  })

  it('gives someone who holds no seat the calls only', async () => {
    const page = await pageText(await staff.get(PAGE))
    expect(page).toContain('You hold no representative or alternate seat today')
    const { path } = await createFeed(staff)
    const events = icsEvents(await (await fetchFeed(path)).text())
    expect(events.some((e) => e.UID?.value.startsWith('presentation-'))).toBe(false)
    expect(events.length).toBeGreaterThan(50)
  })
})
