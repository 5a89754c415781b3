import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, weekdayOf } from '#src/lib/dates.ts'
import { writeAs } from '../../src/db/actor.ts'
import { calls } from '../../src/db/schema/calls.ts'
import { icsEvents, unescapeText, validateIcs } from '../../src/features/calendar/ics-validate.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const FEED = '/calendar/network.ics'
const MONDAY_HOLIDAYS_2026 = ['2026-01-19', '2026-02-16', '2026-05-25', '2026-09-07', '2026-10-12']

/** Every Monday of 2026, as YYYY-MM-DD. */
const mondaysOf2026 = (): string[] => {
  let day = '2026-01-01'
  while (weekdayOf(day) !== 1) day = addDays(day, 1)
  const mondays: string[] = []
  for (; day < '2027-01-01'; day = addDays(day, 7)) mondays.push(day)
  return mondays
}

/** 20260105T130000 → 2026-01-05 */
const dateOf = (value: string) => `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`

describe(`the network calendar feed on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  const get = (headers?: Record<string, string>) => t.app.request(FEED, { headers })

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('serves a calendar anyone can subscribe to, shown inline with a file name', async () => {
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe('inline; filename="amcc-calls.ics"')
    const text = await res.text()
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hub//Network calendar//EN\r\n')).toBe(
      true,
    )
  })

  it('passes the RFC 5545 checks calendar apps rely on', async () => {
    expect(validateIcs(await (await get()).text())).toEqual([])
  })

  it('lists every Monday of 2026 at 1 pm New York time, for 30 minutes', async () => {
    const events = icsEvents(await (await get()).text())
    const in2026 = events.filter((e) => e.DTSTART?.value.startsWith('2026'))
    expect(in2026.map((e) => dateOf(e.DTSTART?.value ?? ''))).toEqual(mondaysOf2026())
    for (const event of in2026) {
      expect(event.SUMMARY?.value).toBe('National call')
      expect(event.DTSTART?.params.TZID).toBe('America/New_York')
      expect(event.DTSTART?.value.slice(8)).toBe('T130000')
      expect(event.DTEND?.value.slice(8)).toBe('T133000')
    }
  })

  it('marks exactly the five Monday federal holidays of 2026 as cancelled', async () => {
    const events = icsEvents(await (await get()).text())
    const cancelled = events.filter((e) => e.STATUS?.value === 'CANCELLED')
    expect(cancelled.map((e) => dateOf(e.DTSTART?.value ?? ''))).toEqual(MONDAY_HOLIDAYS_2026)
    const memorialDay = cancelled.find((e) => e.DTSTART?.value.startsWith('20260525'))
    // Why a call is cancelled is for members (their private feed says it); the public learns that it is.
    expect(unescapeText(memorialDay?.DESCRIPTION?.value ?? '')).toBe('This call is cancelled.')
    const others = events.filter((e) => e.STATUS?.value !== 'CANCELLED')
    expect(others.every((e) => e.STATUS?.value === 'CONFIRMED')).toBe(true)
  })

  it('gives each call the same UID on every request, unique within the feed', async () => {
    const first = icsEvents(await (await get()).text()).map((e) => e.UID?.value)
    const second = icsEvents(await (await get()).text()).map((e) => e.UID?.value)
    expect(first).toHaveLength(52)
    expect(new Set(first).size).toBe(52)
    expect(second).toEqual(first)
    const rows = await database.db.select({ id: calls.id }).from(calls)
    expect(new Set(first)).toEqual(new Set(rows.map((r) => `${r.id}@collaborative-hub`)))
  })

  it('answers 304 to a calendar app that already has this version', async () => {
    const etag = (await get()).headers.get('ETag')
    expect(etag).toMatch(/^".+"$/)
    const again = await get({ 'If-None-Match': etag ?? '' })
    expect(again.status).toBe(304)
  })

  it('shows a call cancelled by staff, without their reason or agenda, with a higher SEQUENCE and when it changed', async () => {
    const [call] = await database.db.select().from(calls).where(eq(calls.localDate, '2026-12-07'))
    if (!call) throw new Error('the demo has no call on 2026-12-07')
    const before = icsEvents(await (await get()).text()).find(
      (e) => e.UID?.value === `${call.id}@collaborative-hub`,
    )
    expect(before?.STATUS?.value).toBe('CONFIRMED')
    expect(before?.SEQUENCE?.value).toBe('0')

    await writeAs(database.db, 'cli', (tx) =>
      tx
        .update(calls)
        .set({ status: 'cancelled', cancelReason: 'Snowstorm in Washington', agenda: 'Moved to next week' })
        .where(eq(calls.id, call.id)),
    )
    const res = await get()
    const text = await res.text()
    expect(validateIcs(text)).toEqual([])
    const after = icsEvents(text).find((e) => e.UID?.value === `${call.id}@collaborative-hub`)
    expect(after?.STATUS?.value).toBe('CANCELLED')
    expect(unescapeText(after?.DESCRIPTION?.value ?? '')).toBe('This call is cancelled.')
    expect(after?.SEQUENCE?.value).toBe('1')
    expect(after?.['LAST-MODIFIED']?.value).toMatch(/^\d{8}T\d{6}Z$/)
    expect(after?.DTSTAMP?.value).toBe(after?.['LAST-MODIFIED']?.value)
  })
})
