import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { calls, presentations } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { admissionStateSql } from '../../src/features/admission/index.ts'
import { ensureCallSeries } from '../../src/features/calls/call-series.ts'
import { planCallSeries } from '../../src/features/calls/schedule.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { planYear } from '../../src/features/presentations/plan-year.ts'
import { requestPresentation } from '../../src/features/presentations/request-presentation.ts'
import { defaultSettings } from '../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'
const THIS_YEAR = 2026
const NEXT_YEAR = 2027
/** Martin Luther King Jr. Day: the weekly series cancels the call. */
const CANCELLED_CALL = '2027-01-18'

type Slot = {
  id: string
  slug: string
  name: string
  status: string
  requestedMonth: number | null
  title: string | null
  actualMinutes: number | null
  callDate: string | null
  callStatus: string | null
}

/** A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */

describe(`annual presentations on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let representative: Session
  let alternate: Session
  let otherRepresentative: Session
  let board: Session
  let staffPersonId: string

  const slots = (year: number) =>
    queryRows<Slot>(
      database.db,
      sql`select p.id::text as id, o.slug, o.name, p.status, p.requested_month as "requestedMonth", p.title,
          p.actual_minutes as "actualMinutes", c.local_date::text as "callDate", c.status as "callStatus"
        from presentations p join organizations o on o.id = p.organization_id left join calls c on c.id = p.call_id
        where p.year = ${year} order by o.slug`,
    )
  const slotOf = async (slug: string, year: number) => (await slots(year)).find((s) => s.slug === slug)
  const admittedOn = async (date: string) =>
    (
      await queryRows<{ id: string; slug: string }>(
        database.db,
        sql`select o.id::text as id, o.slug from organizations o
          where ${admissionStateSql(sql`o.id`, date)} in ('admitted', 'reinstated') order by o.slug`,
      )
    ).map((o) => o.slug)
  const orgId = async (slug: string) =>
    (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id::text as id from organizations where slug = ${slug}`,
      )
    )[0]?.id ?? ''
  /** Puts an organisation's presentation of the year on a call directly, as a fixture. */
  const putOn = async (slug: string, year: number, callDate: string | null, status = 'planned') => {
    const organizationId = await orgId(slug)
    const [call] = callDate
      ? await queryRows<{ id: string }>(
          database.db,
          sql`select id::text as id from calls where local_date = ${callDate}::date`,
        )
      : []
    const values = { callId: call?.id ?? null, status: status as 'planned', actualMinutes: null }
    await writeAs(database.db, 'system', (tx) =>
      tx
        .insert(presentations)
        .values({ organizationId, year, ...values })
        .onConflictDoUpdate({ target: [presentations.organizationId, presentations.year], set: values }),
    )
    return (await slotOf(slug, year))?.id ?? ''
  }
  /** Takes every presentation of the year off the call on `date`, so that the call is empty. */
  const clearCall = (year: number, date: string) =>
    writeAs(database.db, 'system', (tx) =>
      tx.execute(
        sql`update presentations set call_id = null, status = 'requested' where year = ${year}
          and call_id = (select id from calls where local_date = ${date}::date)`,
      ),
    )
  const holderEmail = async (slug: string, role: 'representative' | 'alternate') => {
    const [row] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where o.slug = ${slug} and s.role = ${role} and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!row) throw new Error(`${slug} has no ${role} on ${DEMO_TODAY}`)
    return row.email
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    // The series a year ahead, as the Hub keeps it, and the rest of next year's December.
    await ensureCallSeries(database.db, { today: DEMO_TODAY, settings: defaultSettings })
    const december = planCallSeries(`${NEXT_YEAR}-12-01`, `${NEXT_YEAR}-12-31`, {
      weekday: 1,
      startTime: '13:00',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      cancelOnHolidays: true,
    })
    await writeAs(database.db, 'system', (tx) =>
      tx
        .insert(calls)
        .values(
          december.map((c) => ({
            ...c,
            status: c.cancelReason ? ('cancelled' as const) : ('scheduled' as const),
            isSeries: true,
            seriesDate: c.localDate,
          })),
        )
        .onConflictDoNothing(),
    )
    t = await createTestApp(database)
    const signIn = async (email: string) => {
      const session = new Session(t.app)
      await signInAs(session, database.db, t.auth, { email })
      return session
    }
    staff = await signIn('staff@example.org')
    board = await signIn('board@example.org')
    representative = await signIn(await holderEmail(ORG_A, 'representative'))
    alternate = await signIn(await holderEmail(ORG_A, 'alternate'))
    otherRepresentative = await signIn(await holderEmail(ORG_B, 'representative'))
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  describe('an organisation asks for a month', () => {
    it("shows AMP SoCal's representative this year's presentation and a form for next year's", async () => {
      const given = await slotOf(ORG_A, THIS_YEAR)
      expect(given?.status).toBe('given')
      const res = await representative.get(`/organizations/${ORG_A}/presentation`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toContain('no-store')
      const text = await pageText(res)
      const [org] = await queryRows<{ name: string }>(
        database.db,
        sql`select name from organizations where slug = ${ORG_A}`,
      )
      expect(text).toContain(`Annual presentation of ${org?.name}`)
      expect(text).toContain(`Given on`)
      expect(text).toContain(`for ${given?.actualMinutes} minutes`)
      expect(text).toContain('Month you would like')
      // One form: this year's presentation is given, so only next year's can be asked for.
      const html = await (await representative.get(`/organizations/${ORG_A}/presentation`)).text()
      expect(html.match(/name="requestedMonth"/g)).toHaveLength(1)
      expect(html).toContain(`name="year" value="${NEXT_YEAR}"`)
    })

    it('records the month and title the alternate asks for as a request, and says so', async () => {
      const res = await alternate.post(`/organizations/${ORG_A}/presentation`, {
        year: String(NEXT_YEAR),
        requestedMonth: '6',
        title: 'Lean cells & supply chains',
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`/organizations/${ORG_A}/presentation?saved=${NEXT_YEAR}`)
      expect(await slotOf(ORG_A, NEXT_YEAR)).toMatchObject({
        status: 'requested',
        requestedMonth: 6,
        title: 'Lean cells & supply chains',
        callDate: null,
      })
      const text = await pageText(await alternate.get(res.headers.get('location') ?? ''))
      expect(text).toContain(`Saved: you asked for June ${NEXT_YEAR}.`)
      expect(text).toContain('You asked for June. Staff have not planned the slot yet.')
      expect(text).toContain('Title: Lean cells & supply chains')
      const [audit] = await queryRows<{ actor: string }>(
        database.db,
        sql`select actor from audit_log where table_name = 'presentations' order by at desc, id desc limit 1`,
      )
      expect(audit?.actor).toMatch(/^person:/)
    })

    it('refuses a month of this year that is over with 400, keeping what was typed', async () => {
      // South Kansas lost its slot this year and may ask again, from this month on.
      await putOn(ORG_B, THIS_YEAR, null, 'requested')
      const form = await (await otherRepresentative.get(`/organizations/${ORG_B}/presentation`)).text()
      expect(form).toContain(`name="year" value="${THIS_YEAR}"`)
      const thisYearsForm = form.slice(
        form.indexOf(`id="month-${THIS_YEAR}"`),
        form.indexOf(`id="month-${NEXT_YEAR}"`),
      )
      expect(thisYearsForm).not.toContain('<option value="10">')
      expect(thisYearsForm).toContain('<option value="11">November</option>')
      const before = await slotOf(ORG_B, THIS_YEAR)
      const res = await otherRepresentative.post(`/organizations/${ORG_B}/presentation`, {
        year: String(THIS_YEAR),
        requestedMonth: '3',
        title: 'Our year in review',
      })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain('March 2026 is over: choose November or a later month.')
      expect(html).toContain('value="Our year in review"')
      expect(await slotOf(ORG_B, THIS_YEAR)).toEqual(before)
    })

    it('refuses a title over 200 characters and a missing month, naming the fields', async () => {
      const res = await representative.post(`/organizations/${ORG_A}/presentation`, {
        year: String(NEXT_YEAR),
        requestedMonth: '',
        title: 'x'.repeat(201),
      })
      expect(res.status).toBe(400)
      const text = await pageText(res)
      expect(text).toContain('Nothing was saved: correct the 2 fields marked below.')
      expect(text).toContain('Write the title in at most 200 characters (this one has 201).')
      expect(text).toContain('Choose the month you would like to present in, or “Any month”.')
    })

    it('refuses a change once the presentation is given', async () => {
      const before = await slotOf(ORG_A, THIS_YEAR)
      const res = await representative.post(`/organizations/${ORG_A}/presentation`, {
        year: String(THIS_YEAR),
        requestedMonth: '12',
      })
      expect(res.status).toBe(409)
      expect(await pageText(res)).toContain('is recorded as given: the request can no longer change.')
      expect(await slotOf(ORG_A, THIS_YEAR)).toEqual(before)
    })

    it("refuses another organisation's representative, and the Advisory Board, with 403", async () => {
      const before = await slotOf(ORG_A, NEXT_YEAR)
      expect((await otherRepresentative.get(`/organizations/${ORG_A}/presentation`)).status).toBe(403)
      const post = await otherRepresentative.post(`/organizations/${ORG_A}/presentation`, {
        year: String(NEXT_YEAR),
        requestedMonth: '1',
      })
      expect(post.status).toBe(403)
      expect((await board.get(`/organizations/${ORG_A}/presentation`)).status).toBe(403)
      expect(await slotOf(ORG_A, NEXT_YEAR)).toEqual(before)
      expect((await staff.get(`/organizations/${ORG_A}/presentation`)).status).toBe(200)
      expect((await staff.get('/organizations/no-such-org/presentation')).status).toBe(404)
    })
  })

  describe('staff plan the year', () => {
    it('refuses a representative every staff page and action with 403', async () => {
      const [thisYear, nextYear] = [await slots(THIS_YEAR), await slots(NEXT_YEAR)]
      const id = (await slotOf(ORG_A, THIS_YEAR))?.id ?? ''
      const answers = [
        await representative.get('/staff/presentations'),
        await representative.get(`/staff/presentations/${id}`),
        await representative.post('/staff/presentations/plan', { year: String(NEXT_YEAR) }),
        await representative.post(`/staff/presentations/${id}/move`, { callDate: '2026-12-07' }),
        await representative.post(`/staff/presentations/${id}/outcome`, { outcome: 'missed' }),
      ]
      expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 403])
      expect(await slots(THIS_YEAR)).toEqual(thisYear)
      expect(await slots(NEXT_YEAR)).toEqual(nextYear)
    })

    it('gives every admitted organisation one slot next year, two a call at most, none on a cancelled call, in the month asked for', async () => {
      // Three ask for March (five Mondays: room for all), and AMP SoCal for June.
      const requests: [string, number, string | null][] = [
        ['south-kansas', 3, null],
        ['southwest-alabama', 3, null],
        ['greater-portland-maine', 3, null],
        [ORG_A, 6, 'Lean cells & supply chains'],
      ]
      for (const [slug, requestedMonth, title] of requests)
        await requestPresentation(database.db, `person:${staffPersonId}`, {
          organizationId: await orgId(slug),
          year: NEXT_YEAR,
          requestedMonth,
          title,
          today: DEMO_TODAY,
        })
      const res = await staff.post('/staff/presentations/plan', { year: String(NEXT_YEAR) })
      expect(res.status).toBe(303)
      const admitted = await admittedOn(`${NEXT_YEAR}-01-01`)
      expect(admitted.length).toBeGreaterThan(30)
      const location = res.headers.get('location') ?? ''
      expect(location).toContain(`planned=${admitted.length}`)

      const planned = await slots(NEXT_YEAR)
      expect(planned.map((s) => s.slug).sort()).toEqual(admitted)
      expect(planned.every((s) => s.status === 'planned' && s.callDate?.startsWith(`${NEXT_YEAR}-`))).toBe(
        true,
      )
      expect(planned.every((s) => s.callStatus !== 'cancelled')).toBe(true)
      const perCall = new Map<string, number>()
      for (const s of planned) perCall.set(s.callDate ?? '', (perCall.get(s.callDate ?? '') ?? 0) + 1)
      expect(Math.max(...perCall.values())).toBeLessThanOrEqual(2)
      // Spread: with more calls than organisations, no call takes two.
      expect(Math.max(...perCall.values())).toBe(1)
      for (const slug of ['south-kansas', 'southwest-alabama', 'greater-portland-maine'])
        expect((await slotOf(slug, NEXT_YEAR))?.callDate).toMatch(/^2027-03-/)
      expect(await slotOf(ORG_A, NEXT_YEAR)).toMatchObject({
        requestedMonth: 6,
        title: 'Lean cells & supply chains',
        callDate: expect.stringMatching(/^2027-06-/),
      })

      const text = await pageText(await staff.get(location))
      expect(text).toContain(`Planned ${admitted.length} presentations (4 in the month asked for).`)
      expect(text).toContain('Presentations in 2027')
      const [audit] = await queryRows<{ actor: string; n: number }>(
        database.db,
        sql`select actor, count(*)::int as n from audit_log where table_name = 'presentations'
          and actor = ${`person:${staffPersonId}`} group by actor`,
      )
      expect(audit?.n).toBeGreaterThanOrEqual(admitted.length)

      // Planning again finds nothing to do and moves nobody.
      const again = await staff.post('/staff/presentations/plan', { year: String(NEXT_YEAR) })
      expect(await pageText(await staff.get(again.headers.get('location') ?? ''))).toContain(
        'Every admitted organisation already has a slot: nothing to plan.',
      )
      expect(await slots(NEXT_YEAR)).toEqual(planned)
    })

    it('plans the rest of this year on the calls left, and says who could not be placed', async () => {
      // Twelve organisations lose this year's presentation: more than the five calls left can take.
      const victims = (await slots(THIS_YEAR))
        .filter((s) => s.slug !== ORG_A && s.status === 'given')
        .slice(-12)
      await writeAs(database.db, 'system', (tx) =>
        tx.execute(
          sql`delete from presentations where year = ${THIS_YEAR} and id in (${sql.join(
            victims.map((v) => sql`${v.id}::uuid`),
            sql`, `,
          )})`,
        ),
      )
      const [room] = await queryRows<{ n: number }>(
        database.db,
        sql`select coalesce(sum(greatest(0, 2 - (select count(*) from presentations p where p.call_id = c.id
            and p.status in ('planned', 'given', 'missed')))), 0)::int as n
          from calls c where c.local_date between ${DEMO_TODAY}::date and '2026-12-31' and c.status <> 'cancelled'`,
      )
      const needing = new Set(await admittedOn(DEMO_TODAY))
      for (const s of await slots(THIS_YEAR))
        if (
          s.status === 'given' ||
          s.status === 'missed' ||
          (s.status === 'planned' && s.callStatus !== 'cancelled')
        )
          needing.delete(s.slug)
      expect(room?.n).toBe(10)
      expect(needing.size).toBeGreaterThan(10)

      const res = await staff.post('/staff/presentations/plan', { year: String(THIS_YEAR) })
      expect(res.status).toBe(303)
      const after = (await slots(THIS_YEAR)).filter((s) => needing.has(s.slug))
      const placed = after.filter((s) => s.status === 'planned' && s.callDate !== null)
      expect(placed).toHaveLength(10)
      expect(placed.every((s) => (s.callDate ?? '') >= DEMO_TODAY && s.callStatus !== 'cancelled')).toBe(true)
      const unplaced = [...needing].filter((slug) => !placed.some((p) => p.slug === slug))
      expect(unplaced).toHaveLength(needing.size - 10)
      const names = new Map(
        (
          await queryRows<{ slug: string; name: string }>(
            database.db,
            sql`select slug, name from organizations`,
          )
        ).map((o) => [o.slug, o.name]),
      )
      const text = await pageText(await staff.get(res.headers.get('location') ?? ''))
      expect(text).toContain(
        `Planned 10 presentations; ${unplaced.length} could not be placed: ${unplaced
          .map((slug) => names.get(slug) ?? slug)
          .sort((a, b) => a.localeCompare(b, 'en'))
          .join(', ')}.`,
      )
    })

    it('refuses to plan a year that is over, with 400', async () => {
      const res = await staff.post('/staff/presentations/plan', { year: '2025' })
      expect(res.status).toBe(400)
      expect(await pageText(res)).toContain('Plan 2026 or 2027: earlier years are over.')
      expect(await slots(2025)).toEqual([])
    })

    it('never puts a third presentation on a call when two plans run at once', async () => {
      const year = NEXT_YEAR
      await writeAs(database.db, 'system', (tx) =>
        tx.execute(sql`delete from presentations where year = ${year}`),
      )
      const actor = `person:${staffPersonId}` as const
      const [a, b] = await Promise.all([
        planYear(database.db, actor, { year, today: DEMO_TODAY }),
        planYear(database.db, actor, { year, today: DEMO_TODAY }),
      ])
      expect(a.placed.length + b.placed.length).toBe((await admittedOn(`${year}-01-01`)).length)
      const rows = await slots(year)
      const perCall = new Map<string, number>()
      for (const s of rows) perCall.set(s.callDate ?? '', (perCall.get(s.callDate ?? '') ?? 0) + 1)
      expect(Math.max(...perCall.values())).toBeLessThanOrEqual(2)
    })
  })

  describe('staff move a slot', () => {
    const move = async (id: string, callDate: string) =>
      staff.post(`/staff/presentations/${id}/move`, { callDate })

    it('moves a presentation to a call with room and says where', async () => {
      const id = await putOn(ORG_A, NEXT_YEAR, '2027-02-01')
      await clearCall(NEXT_YEAR, '2027-06-14')
      const res = await move(id, '2027-06-14')
      expect(res.status).toBe(303)
      expect((await slotOf(ORG_A, NEXT_YEAR))?.callDate).toBe('2027-06-14')
      const text = await pageText(await staff.get(res.headers.get('location') ?? ''))
      expect(text).toContain('Moved to the call of Monday, June 14, 2027.')
    })

    it('refuses a cancelled call, a full call, a call that is over, another year and a day without a call', async () => {
      const id = await putOn(ORG_A, NEXT_YEAR, '2027-02-01')
      // Two others on 2027-03-08: the call is full.
      await clearCall(NEXT_YEAR, '2027-03-08')
      await putOn('south-kansas', NEXT_YEAR, '2027-03-08')
      await putOn('southwest-alabama', NEXT_YEAR, '2027-03-08')
      const refusals: [string, number, string][] = [
        [CANCELLED_CALL, 409, 'The call of Monday, January 18, 2027 is cancelled: choose another call.'],
        [
          '2027-03-08',
          409,
          'The call of Monday, March 8, 2027 already has 2 presentations, the most a call takes: choose another call.',
        ],
        [
          '2026-11-30',
          409,
          'The call of Monday, November 30, 2026 is in 2026; this presentation is for 2027.',
        ],
        ['2027-03-03', 409, 'No call is on Wednesday, March 3, 2027.'],
        ['2027-02-01', 409, 'The presentation is already on the call of Monday, February 1, 2027.'],
        ['not-a-date', 400, 'Choose the call to move the presentation to.'],
      ]
      for (const [date, status, message] of refusals) {
        const res = await move(id, date)
        expect(res.status, date).toBe(status)
        expect(await pageText(res), date).toContain(message)
        expect((await slotOf(ORG_A, NEXT_YEAR))?.callDate).toBe('2027-02-01')
      }
      // A call that is over: this year's missed presentation cannot go back to last week.
      const missedId = await putOn(ORG_B, THIS_YEAR, '2026-03-02', 'missed')
      const past = await move(missedId, '2026-11-23')
      expect(past.status).toBe(409)
      expect(await pageText(past)).toContain(
        'The call of Monday, November 23, 2026 is over: choose a call from today on.',
      )
    })

    it('plans a missed presentation again on a call to come, and refuses to move a given one', async () => {
      const missedId = await putOn(ORG_B, THIS_YEAR, '2026-03-02', 'missed')
      await clearCall(THIS_YEAR, '2026-12-14')
      expect((await move(missedId, '2026-12-14')).status).toBe(303)
      expect(await slotOf(ORG_B, THIS_YEAR)).toMatchObject({ status: 'planned', callDate: '2026-12-14' })

      const given = await slotOf(ORG_A, THIS_YEAR)
      const res = await move(given?.id ?? '', '2026-12-21')
      expect(res.status).toBe(409)
      expect(await pageText(res)).toContain('a given presentation stays on its call.')
      expect(await slotOf(ORG_A, THIS_YEAR)).toEqual(given)
    })

    it('answers 404 for a presentation that does not exist', async () => {
      expect((await staff.get('/staff/presentations/00000000-0000-4000-8000-000000000009')).status).toBe(404)
      expect((await move('not-an-id', '2027-03-01')).status).toBe(404)
    })
  })

  describe('staff record how it went after the call', () => {
    const record = (id: string, fields: Record<string, string>) =>
      staff.post(`/staff/presentations/${id}/outcome`, fields)

    it('records a presentation given for 18 minutes, with a warning that it was too long', async () => {
      const id = await putOn('southwest-alabama', THIS_YEAR, '2026-11-23')
      const res = await record(id, { outcome: 'given', actualMinutes: '18' })
      expect(res.status).toBe(303)
      expect(await slotOf('southwest-alabama', THIS_YEAR)).toMatchObject({
        status: 'given',
        actualMinutes: 18,
      })
      const text = await pageText(await staff.get(res.headers.get('location') ?? ''))
      expect(text).toContain(
        'Recorded as given, 18 minutes. Warning: that is outside the 10 to 15 minutes a presentation should last; the length is kept as recorded.',
      )
      const list = await pageText(await staff.get(`/staff/presentations?year=${THIS_YEAR}`))
      expect(list).toMatch(/18 min Outside 10 to 15 minutes/)
      // The organisation sees the length and the range it should have had.
      const own = await pageText(await staff.get('/organizations/southwest-alabama/presentation'))
      expect(own).toContain('for 18 minutes (a presentation should last 10 to 15 minutes)')
    })

    it('records a 12-minute presentation without a warning, and a missed one without minutes', async () => {
      const id = await putOn('southwest-alabama', THIS_YEAR, '2026-11-23')
      const given = await record(id, { outcome: 'given', actualMinutes: '12' })
      const text = await pageText(await staff.get(given.headers.get('location') ?? ''))
      expect(text).toContain('Recorded as given, 12 minutes.')
      expect(text).not.toContain('Warning')
      expect((await record(id, { outcome: 'missed', actualMinutes: '12' })).status).toBe(303)
      expect(await slotOf('southwest-alabama', THIS_YEAR)).toMatchObject({
        status: 'missed',
        actualMinutes: null,
      })
    })

    it('refuses a length outside 1 to 120 minutes, and an outcome before the call is held', async () => {
      const id = await putOn('southwest-alabama', THIS_YEAR, '2026-11-23')
      for (const actualMinutes of ['0', '121', '', 'ten']) {
        const res = await record(id, { outcome: 'given', actualMinutes })
        expect(res.status).toBe(400)
        const html = await res.text()
        expect(html).toContain('Enter how long it lasted in whole minutes, 1 to 120.')
        expect(html).toContain(`value="${actualMinutes}"`)
      }
      expect((await slotOf('southwest-alabama', THIS_YEAR))?.status).toBe('planned')

      const upcoming = await putOn('southwest-alabama', NEXT_YEAR, '2027-04-05')
      const res = await record(upcoming, { outcome: 'given', actualMinutes: '12' })
      expect(res.status).toBe(409)
      expect(await pageText(res)).toContain(
        'Its call, Monday, April 5, 2027, has not been held yet: record how it went after the call.',
      )
      const unplanned = await putOn('southwest-alabama', NEXT_YEAR, null, 'requested')
      const none = await record(unplanned, { outcome: 'missed' })
      expect(none.status).toBe(409)
      expect(await pageText(none)).toContain(
        'This presentation has no call yet: plan or move it to a call first.',
      )
    })
  })

  describe('the staff list', () => {
    it('lists every admitted organisation with its request, call, status and length', async () => {
      const res = await staff.get(`/staff/presentations?year=${THIS_YEAR}`)
      expect(res.status).toBe(200)
      const html = await res.text()
      const admitted = await admittedOn(DEMO_TODAY)
      const rows = html.match(/<tr>/g) ?? []
      // A header row and one per organisation (those admitted, and any other with a presentation).
      expect(rows.length - 1).toBeGreaterThanOrEqual(admitted.length)
      expect(html).toContain('href="/calls/2026-01-05"')
      expect(html).toContain('action="/staff/presentations/plan"')
      // A year that is over has no plan button.
      expect(await (await staff.get('/staff/presentations?year=2025')).text()).not.toContain(
        'action="/staff/presentations/plan"',
      )
    })
  })
})
