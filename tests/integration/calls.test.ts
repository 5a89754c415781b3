import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { addDays, weekdayOf } from '#src/lib/dates.ts'
import { queryRows } from '../../src/db/sql.ts'
import { icsEvents, unescapeText, validateIcs } from '../../src/features/calendar/ics-validate.ts'
import { addExtraCall } from '../../src/features/calls/add-extra-call.ts'
import { ensureCallSeries, extendCallSeries } from '../../src/features/calls/call-series.ts'
import { moveCall } from '../../src/features/calls/move-call.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'

type CallRow = {
  id: string
  local_date: string
  start_time: string
  status: string
  cancel_reason: string | null
  is_series: boolean
  series_date: string | null
  title: string | null
}

/** A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */

describe(`the national calls on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let representative: Session
  let staffPersonId: string

  const callOn = async (date: string): Promise<CallRow | undefined> =>
    (
      await queryRows<CallRow>(
        database.db,
        sql`select id::text as id, local_date::text as local_date, start_time, status, cancel_reason, is_series,
          series_date::text as series_date, title from calls where local_date = ${date}::date`,
      )
    )[0]
  const callCount = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from calls`))[0]?.n ?? 0
  const feedEvent = async (callId: string) => {
    const text = await (await t.app.request('/calendar/network.ics')).text()
    expect(validateIcs(text)).toEqual([])
    return icsEvents(text).find((e) => e.UID?.value === `${callId}@collaborative-hub`)
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    await ensureCallSeries(database.db, { today: DEMO_TODAY, settings: defaultSettings })
    t = await createTestApp(database)
    const [holder] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id
        where o.slug = ${ORG_A} and s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!holder) throw new Error(`${ORG_A} has no representative on ${DEMO_TODAY}`)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    representative = new Session(t.app)
    await signInAs(representative, database.db, t.auth, { email: holder.email })
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  describe('the weekly series', () => {
    it('has a call every Monday for at least a year ahead, at 1 pm New York time', async () => {
      const rows = await queryRows<{ local_date: string; start_time: string; is_series: boolean }>(
        database.db,
        sql`select local_date::text as local_date, start_time, is_series from calls
          where local_date >= ${DEMO_TODAY}::date order by local_date`,
      )
      const byDate = new Map(rows.map((r) => [r.local_date, r]))
      let monday = DEMO_TODAY
      while (weekdayOf(monday) !== 1) monday = addDays(monday, 1)
      const missing: string[] = []
      for (; monday <= '2027-12-27'; monday = addDays(monday, 7)) {
        const call = byDate.get(monday)
        if (!call?.is_series || call.start_time !== '13:00') missing.push(monday)
      }
      expect(missing).toEqual([])
    })

    it('cancels the Monday federal holidays of 2027, giving the holiday as the reason', async () => {
      const cancelled = await queryRows<{ local_date: string; cancel_reason: string }>(
        database.db,
        sql`select local_date::text as local_date, cancel_reason from calls
          where status = 'cancelled' and local_date between '2027-01-01' and '2027-12-31' order by local_date`,
      )
      expect(cancelled).toEqual([
        { local_date: '2027-01-18', cancel_reason: 'Federal holiday: Martin Luther King Jr. Day' },
        { local_date: '2027-02-15', cancel_reason: "Federal holiday: Washington's Birthday" },
        { local_date: '2027-05-31', cancel_reason: 'Federal holiday: Memorial Day' },
        { local_date: '2027-07-05', cancel_reason: 'Federal holiday: Independence Day' },
        { local_date: '2027-09-06', cancel_reason: 'Federal holiday: Labor Day' },
        { local_date: '2027-10-11', cancel_reason: 'Federal holiday: Columbus Day' },
      ])
    })

    it('adds nothing when run again, even twice at once', async () => {
      const before = await callCount()
      expect(await ensureCallSeries(database.db, { today: DEMO_TODAY, settings: defaultSettings })).toEqual({
        added: 0,
      })
      const twice = await Promise.all([
        ensureCallSeries(database.db, { today: DEMO_TODAY, settings: defaultSettings }),
        ensureCallSeries(database.db, { today: DEMO_TODAY, settings: defaultSettings }),
      ])
      expect(twice).toEqual([{ added: 0 }, { added: 0 }])
      expect(await callCount()).toBe(before)
    })

    it('extends a week at a time once the end of next year is less than a year away, once with two processes', async () => {
      // On 31 December 2026 a year and a week ahead is 6 January 2028: one Monday more (3 January).
      const later = '2026-12-31'
      const [a, b] = await Promise.all([
        ensureCallSeries(database.db, { today: later, settings: defaultSettings }),
        ensureCallSeries(database.db, { today: later, settings: defaultSettings }),
      ])
      expect((a?.added ?? 0) + (b?.added ?? 0)).toBe(1)
      const [dupes] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from (select local_date from calls group by local_date having count(*) > 1) d`,
      )
      expect(dupes?.n).toBe(0)
    })

    it('skips a Monday an extra call already takes, and does not remake a call that was moved', async () => {
      const actor = `person:${staffPersonId}` as const
      // Beyond the horizon of DEMO_TODAY (the end of 2027): the series reaches it only later.
      const extra = await addExtraCall(database.db, actor, {
        date: '2028-01-10',
        startTime: '15:00',
        title: 'Year-end review',
        today: DEMO_TODAY,
      })
      await moveCall(database.db, actor, {
        date: '2027-03-01',
        newDate: '2027-03-02',
        newStartTime: '13:00',
        today: DEMO_TODAY,
      })
      await ensureCallSeries(database.db, { today: '2027-01-05', settings: defaultSettings })
      expect(await callOn('2028-01-10')).toMatchObject({
        id: extra.id,
        is_series: false,
        title: 'Year-end review',
      })
      expect(await callOn('2027-03-01')).toBeUndefined()
      expect(await callOn('2027-03-02')).toMatchObject({ is_series: true, series_date: '2027-03-01' })
    })
  })

  it('leaves a database with no network empty, so that an export can still be imported into it', async () => {
    const empty = await createTestDatabase()
    try {
      expect(await extendCallSeries(empty.db, { today: DEMO_TODAY })).toEqual({ added: 0 })
      const [row] = await queryRows<{ n: number }>(empty.db, sql`select count(*)::int as n from calls`)
      expect(row?.n).toBe(0)
    } finally {
      await empty.drop()
    }
  })

  describe('the calls page', () => {
    it('sends visitors who are not signed in to sign in', async () => {
      const res = await t.app.request('/calls')
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/sign-in?next=%2Fcalls')
    })

    it('shows a representative the next calls in New York time, the holidays cancelled, and the feeds', async () => {
      const res = await representative.get('/calls')
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toContain('no-store')
      const text = await pageText(res)
      expect(text).toContain('The network meets on Mondays at 1:00 pm ET, for 30 minutes.')
      const upcoming = text.slice(text.indexOf('Upcoming calls'), text.indexOf('Recent calls'))
      expect(upcoming).toContain('Monday, November 30, 2026, 1:00 pm ET')
      expect(upcoming).toContain(
        'Monday, January 18, 2027, 1:00 pm ET Cancelled Reason: Federal holiday: Martin Luther King Jr. Day',
      )
      const recent = text.slice(text.indexOf('Recent calls'))
      expect(recent).toContain('Monday, November 23, 2026, 1:00 pm ET')
      // Columbus Day 2026 was cancelled: the ten calls held go back past it, to September 14.
      expect(recent).not.toContain('October 12, 2026')
      expect(recent).toContain('Monday, September 14, 2026, 1:00 pm ET')
      expect(recent).not.toContain('Held')
      const html = await (await representative.get('/calls')).text()
      expect(html).toContain('href="/calendar/network.ics"')
      expect(html).toContain('href="/account/calendar"')
      expect(html).not.toContain('Add an extra call')
    })

    it('offers staff to add an extra call', async () => {
      const html = await (await staff.get('/calls')).text()
      expect(html).toContain('href="/staff/calls/new"')
    })
  })

  describe('a call’s page', () => {
    it('shows the call, its presentations, and no staff actions to a representative', async () => {
      const [slot] = await queryRows<{ local_date: string; name: string }>(
        database.db,
        sql`select c.local_date::text as local_date, o.name from presentations p
          join calls c on c.id = p.call_id join organizations o on o.id = p.organization_id
          where c.local_date < ${DEMO_TODAY}::date order by c.local_date desc limit 1`,
      )
      if (!slot) throw new Error('the demo has no presentation on a past call')
      const res = await representative.get(`/calls/${slot.local_date}`)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain(`<h1>National call</h1>`)
      expect(html).not.toContain('/cancel"')
      expect(html).not.toContain('/roll-call"')
      const text = await pageText(new Response(html))
      expect(text).toContain('Status Held')
      expect(text).toContain(slot.name)
      expect(text).toContain('No recording yet')
    })

    it('answers 404 for a day with no call and 400 for an address that is not a date', async () => {
      const none = await representative.get('/calls/2026-12-02')
      expect(none.status).toBe(404)
      expect(await pageText(none)).toContain('There is no call on Wednesday, December 2, 2026.')
      const bad = await representative.get('/calls/next-monday')
      expect(bad.status).toBe(400)
      expect(await pageText(bad)).toContain('such as /calls/2026-11-30')
    })

    it('gives staff the actions and the links to the roll call and the attendance imports', async () => {
      const html = await (await staff.get('/calls/2026-11-30')).text()
      for (const link of ['edit', 'move', 'cancel', 'roll-call', 'attendance'])
        expect(html).toContain(`href="/staff/calls/2026-11-30/${link}"`)
      const held = await (await staff.get('/calls/2026-11-23')).text()
      expect(held).not.toContain('href="/staff/calls/2026-11-23/move"')
    })
  })

  describe('staff cancel and reinstate', () => {
    it('cancels a call with a reason that members see on the pages; the public feed says only that it is off', async () => {
      const form = await staff.get('/staff/calls/2026-12-07/cancel')
      expect(form.status).toBe(200)
      expect(await form.text()).toContain('name="reason"')
      const res = await staff.post('/staff/calls/2026-12-07/cancel', { reason: '  Staff retreat  ' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/calls/2026-12-07?done=cancelled')
      const call = await callOn('2026-12-07')
      expect(call).toMatchObject({ status: 'cancelled', cancel_reason: 'Staff retreat' })

      const page = await pageText(await staff.get('/calls/2026-12-07?done=cancelled'))
      expect(page).toContain('The call is cancelled.')
      expect(page).toContain('Status Cancelled: Staff retreat')
      const list = await pageText(await representative.get('/calls'))
      expect(list).toContain('Monday, December 7, 2026, 1:00 pm ET Cancelled Reason: Staff retreat')

      const event = await feedEvent(call?.id ?? '')
      expect(event?.STATUS?.value).toBe('CANCELLED')
      // The reason is for members (their private feed carries it): issue 10, item 5.
      expect(unescapeText(event?.DESCRIPTION?.value ?? '')).toBe('This call is cancelled.')

      const [audit] = await queryRows<{ actor: string }>(
        database.db,
        sql`select actor from audit_log where table_name = 'calls' and record_id = ${call?.id ?? ''}
          order by at desc limit 1`,
      )
      expect(audit?.actor).toBe(`person:${staffPersonId}`)
    })

    it('asks for a reason, and keeps the call as it was', async () => {
      const res = await staff.post('/staff/calls/2026-12-14/cancel', { reason: '   ' })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain('Give the reason members will see')
      expect(html).toContain('aria-invalid="true"')
      expect((await callOn('2026-12-14'))?.status).toBe('scheduled')
    })

    it('refuses to cancel a call that people attended', async () => {
      const [attended] = await queryRows<{ local_date: string; status: string }>(
        database.db,
        sql`select c.local_date::text as local_date, c.status from calls c
          where exists (select 1 from attendance a where a.call_id = c.id) order by c.local_date desc limit 1`,
      )
      if (!attended) throw new Error('the demo has no attendance')
      const res = await staff.post(`/staff/calls/${attended.local_date}/cancel`, { reason: 'Never happened' })
      expect(res.status).toBe(400)
      expect(await pageText(res)).toContain('Attendance is recorded for this call')
      expect((await callOn(attended.local_date))?.status).toBe(attended.status)
    })

    it('reinstates a cancelled holiday call, which the feed then confirms', async () => {
      const res = await staff.post('/staff/calls/2027-01-18/reinstate', {})
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/calls/2027-01-18?done=reinstated')
      const call = await callOn('2027-01-18')
      expect(call).toMatchObject({ status: 'scheduled', cancel_reason: null })
      expect((await feedEvent(call?.id ?? ''))?.STATUS?.value).toBe('CONFIRMED')
      const page = await pageText(await representative.get('/calls/2027-01-18'))
      expect(page).toContain('Status Upcoming')
      expect(page).not.toContain('Cancelled')
    })

    it('refuses to reinstate a call that is not cancelled', async () => {
      const res = await staff.post('/staff/calls/2026-12-14/reinstate', {})
      expect(res.status).toBe(400)
      expect(await pageText(res)).toContain('This call is not cancelled')
    })
  })

  describe('staff move a call', () => {
    it('moves a call to another day and time; members see where it was and the feed moves it', async () => {
      const before = await callOn('2026-12-14')
      const form = await staff.get('/staff/calls/2026-12-14/move')
      expect(form.status).toBe(200)
      const res = await staff.post('/staff/calls/2026-12-14/move', { date: '2026-12-15', startTime: '14:00' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/calls/2026-12-15?done=moved')
      expect(await callOn('2026-12-14')).toBeUndefined()
      expect(await callOn('2026-12-15')).toMatchObject({
        id: before?.id,
        start_time: '14:00',
        series_date: '2026-12-14',
        is_series: true,
      })

      const page = await pageText(await representative.get('/calls/2026-12-15'))
      expect(page).toContain('Tuesday, December 15, 2026, 2:00 pm ET, 30 minutes')
      expect(page).toContain('Moved From Monday, December 14, 2026, 1:00 pm ET')
      const list = await pageText(await representative.get('/calls'))
      expect(list).toContain(
        'Tuesday, December 15, 2026, 2:00 pm ET Moved Moved from Monday, December 14, 2026, 1:00 pm ET.',
      )
      // The old address (in earlier reminders and agendas) leads to the moved call.
      const old = await representative.get('/calls/2026-12-14')
      expect(old.status).toBe(302)
      expect(old.headers.get('location')).toBe('/calls/2026-12-15')
      expect((await representative.get('/calls/2026-12-07')).status).toBe(200)

      const event = await feedEvent(before?.id ?? '')
      expect(event?.DTSTART?.params.TZID).toBe('America/New_York')
      expect(event?.DTSTART?.value).toBe('20261215T140000')
      expect(event?.DTEND?.value).toBe('20261215T143000')
      expect(Number(event?.SEQUENCE?.value)).toBeGreaterThan(0)

      await ensureCallSeries(database.db, { today: DEMO_TODAY, settings: defaultSettings })
      expect(await callOn('2026-12-14')).toBeUndefined()
    })

    it('moves a call to another time on the same day', async () => {
      const res = await staff.post('/staff/calls/2026-12-21/move', { date: '2026-12-21', startTime: '11:00' })
      expect(res.status).toBe(303)
      const page = await pageText(await representative.get('/calls/2026-12-21'))
      expect(page).toContain('Monday, December 21, 2026, 11:00 am ET')
      expect(page).toContain('Moved From Monday, December 21, 2026, 1:00 pm ET')
    })

    it('refuses a day that already has a call, keeping what was typed', async () => {
      const res = await staff.post('/staff/calls/2026-11-30/move', { date: '2026-12-28', startTime: '13:30' })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(await pageText(new Response(html))).toContain(
        'There is already a call on Monday, December 28, 2026: there is one call a day.',
      )
      expect(html).toContain('value="2026-12-28"')
      expect(html).toContain('value="13:30"')
      expect(await callOn('2026-11-30')).toMatchObject({ start_time: '13:00' })
    })

    it('refuses to move a call in the past, or to a past day', async () => {
      const past = await staff.post('/staff/calls/2026-11-23/move', {
        date: '2026-12-01',
        startTime: '13:00',
      })
      expect(past.status).toBe(400)
      expect(await pageText(past)).toContain(
        'This call was on Monday, November 23, 2026: a call in the past cannot be moved.',
      )
      const toPast = await staff.post('/staff/calls/2026-11-30/move', {
        date: '2026-11-25',
        startTime: '13:00',
      })
      expect(toPast.status).toBe(400)
      expect(await pageText(toPast)).toContain('Choose today (Thursday, November 26, 2026) or a later date.')
      expect(await callOn('2026-11-25')).toBeUndefined()
    })

    it('refuses a time that is not a time, and a cancelled call', async () => {
      const badTime = await staff.post('/staff/calls/2026-11-30/move', {
        date: '2026-12-01',
        startTime: '1pm',
      })
      expect(badTime.status).toBe(400)
      expect(await pageText(badTime)).toContain('Enter a start time such as 13:00')
      const cancelled = await staff.post('/staff/calls/2027-02-15/move', {
        date: '2027-02-16',
        startTime: '13:00',
      })
      expect(cancelled.status).toBe(400)
      expect(await pageText(cancelled)).toContain('This call is cancelled: reinstate it before moving it')
    })
  })

  describe('staff add an extra call', () => {
    it('adds a call outside the series that members see as an extra call, and the feed lists', async () => {
      expect((await staff.get('/staff/calls/new')).status).toBe(200)
      const res = await staff.post('/staff/calls/new', {
        title: 'Budget briefing',
        date: '2026-12-09',
        startTime: '15:00',
        durationMinutes: '45',
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/calls/2026-12-09?done=added')
      const call = await callOn('2026-12-09')
      expect(call).toMatchObject({ is_series: false, series_date: null, title: 'Budget briefing' })

      const list = await pageText(await representative.get('/calls'))
      expect(list).toContain('Wednesday, December 9, 2026, 3:00 pm ET Extra call Budget briefing')
      const page = await pageText(await representative.get('/calls/2026-12-09'))
      expect(page).toContain('Budget briefing')
      expect(page).toContain('Wednesday, December 9, 2026, 3:00 pm ET, 45 minutes')

      const event = await feedEvent(call?.id ?? '')
      expect(event?.DTSTART?.value).toBe('20261209T150000')
      expect(event?.DTEND?.value).toBe('20261209T154500')
      expect(event?.STATUS?.value).toBe('CONFIRMED')
    })

    it('refuses a day that has a call, a past day without a reason, and a call with no title', async () => {
      const before = await callCount()
      const taken = await staff.post('/staff/calls/new', {
        title: 'Clash',
        date: '2026-11-30',
        startTime: '15:00',
        durationMinutes: '30',
      })
      expect(taken.status).toBe(400)
      expect(await pageText(taken)).toContain('There is already a call on Monday, November 30, 2026')
      const past = await staff.post('/staff/calls/new', {
        title: 'Too late',
        date: '2026-11-24',
        startTime: '15:00',
        durationMinutes: '30',
      })
      expect(past.status).toBe(400)
      expect(await pageText(past)).toContain(
        'Tuesday, November 24, 2026 is before today: say why the call is added afterwards',
      )
      const untitled = await staff.post('/staff/calls/new', {
        title: '',
        date: '2026-12-10',
        startTime: '15:00',
        durationMinutes: '30',
      })
      expect(untitled.status).toBe(400)
      expect(await pageText(untitled)).toContain('Give the extra call a title')
      expect(await callCount()).toBe(before)
    })
  })

  describe('staff edit a call', () => {
    it('saves the title, agenda, notes, recording and briefings that members then see', async () => {
      const form = await (await staff.get('/staff/calls/2026-11-23/edit')).text()
      const [briefing] = await queryRows<{ id: string; title: string }>(
        database.db,
        sql`select id::text as id, title from briefings order by published_on limit 1`,
      )
      if (!briefing) throw new Error('the demo has no briefing')
      expect(form).toContain(`value="${briefing.id}"`)
      const body = new URLSearchParams({
        _csrf: 'test-csrf-token-0123456789abcdef',
        title: 'Workforce round table',
        agenda: 'Welcome\r\nRound table\r\nNext steps',
        notes: 'Three regions shared apprenticeship results.',
        recordingUrl: 'https://zoom.example.org/rec/share/abc',
        briefingIds: briefing.id,
      })
      const res = await staff.post('/staff/calls/2026-11-23/edit', Object.fromEntries(body))
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/calls/2026-11-23?done=edited')

      const html = await (await representative.get('/calls/2026-11-23')).text()
      expect(html).toContain('<h1>Workforce round table</h1>')
      expect(html).toContain('Welcome\nRound table\nNext steps')
      expect(html).toContain('href="https://zoom.example.org/rec/share/abc"')
      expect(await pageText(new Response(html))).toContain(briefing.title)
      const [attached] = await queryRows<{ local_date: string }>(
        database.db,
        sql`select c.local_date::text as local_date from briefings b join calls c on c.id = b.call_id
          where b.id = ${briefing.id}`,
      )
      expect(attached?.local_date).toBe('2026-11-23')

      // Unticked, the briefing is detached; an empty title gives the call its usual name back.
      const again = await staff.post('/staff/calls/2026-11-23/edit', {
        title: '',
        agenda: '',
        notes: 'Three regions shared apprenticeship results.',
        recordingUrl: '',
      })
      expect(again.status).toBe(303)
      const page = await (await representative.get('/calls/2026-11-23')).text()
      expect(page).toContain('<h1>National call</h1>')
      expect(page).toContain('No briefing or resource of the library was presented on this call.')
      expect(page).toContain('No recording yet')
    })

    it('refuses a recording link that is not a web address', async () => {
      const res = await staff.post('/staff/calls/2026-11-23/edit', {
        title: 'Kept',
        agenda: '',
        notes: '',
        recordingUrl: 'javascript:alert(1)',
      })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain('Enter the web address of the recording, starting with https://')
      expect(html).toContain('value="Kept"')
      expect((await callOn('2026-11-23'))?.title).not.toBe('Kept')
    })
  })

  it('refuses every staff page and action to a representative, changing nothing', async () => {
    const before = await queryRows<Record<string, unknown>>(database.db, sql`select * from calls order by id`)
    const gets = [
      '/staff/calls/new',
      ...['edit', 'cancel', 'move'].map((a) => `/staff/calls/2026-11-30/${a}`),
    ]
    for (const path of gets) expect((await representative.get(path)).status, path).toBe(403)
    const posts: [string, Record<string, string>][] = [
      ['/staff/calls/new', { title: 'Mine', date: '2026-12-10', startTime: '15:00', durationMinutes: '30' }],
      ['/staff/calls/2026-11-30/cancel', { reason: 'No' }],
      ['/staff/calls/2026-11-30/move', { date: '2026-12-01', startTime: '13:00' }],
      ['/staff/calls/2026-11-30/edit', { title: 'Mine', agenda: '', notes: '', recordingUrl: '' }],
      ['/staff/calls/2027-02-15/reinstate', {}],
    ]
    for (const [path, fields] of posts) {
      const res = await representative.post(path, fields)
      expect(res.status, path).toBe(403)
      expect(await pageText(res)).toContain('Your account does not have access to this page.')
    }
    expect(await queryRows(database.db, sql`select * from calls order by id`)).toEqual(before)
  })
})
