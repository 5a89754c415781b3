import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { addDays } from '#src/lib/dates.ts'
import { writeAs } from '../../src/db/actor.ts'
import { seats } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { handOverSeat } from '../../src/features/seats/hand-over-seat.ts'
import { assertSeatHistoryConsistent, seatHistory } from '../../src/features/seats/seat-history.ts'
import { seatHolderOn } from '../../src/features/seats/seat-holders.ts'
import { swapSeats } from '../../src/features/seats/swap-seats.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
type Holder = { id: string; email: string; full_name: string; starts_on: string }

describe(`seats with history on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let t: TestApp
  let orgA: { id: string; admitted_on: string }
  let orgB: { id: string }
  let repA: Holder
  let altA: Holder
  let repB: Holder
  let representative: Session
  let alternate: Session
  let otherRepresentative: Session
  let staff: Session
  let staffPersonId: string

  /** Who holds a seat of an organisation on a date, from the records. */
  async function holderOf(slug: string, role: 'representative' | 'alternate', onDate = DEMO_TODAY) {
    const [row] = await queryRows<Holder>(
      database.db,
      sql`select p.id, p.email, p.full_name, s.starts_on::text as starts_on from seats s
        join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where o.slug = ${slug} and s.role = ${role} and s.starts_on <= ${onDate}::date
          and (s.ends_on is null or s.ends_on > ${onDate}::date)`,
    )
    if (!row) throw new Error(`${slug} has no ${role} on ${onDate}`)
    return row
  }

  /** Every seat row of an organisation, to compare before and after a refusal. */
  const seatRows = (organizationId: string) =>
    queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from seats where organization_id = ${organizationId} order by id`,
    )
  const peopleCount = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from people`))[0]?.n

  const holderName = async (organizationId: string, role: 'representative' | 'alternate', onDate: string) =>
    (await seatHolderOn(database.db, { organizationId, role, onDate }))?.fullName ?? null

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    t = await createTestApp(database, { smtpUrl: sink.url })
    ;[orgA] = (await queryRows<{ id: string; admitted_on: string }>(
      database.db,
      sql`select o.id, e.effective_on::text as admitted_on from organizations o
        join admission_events e on e.organization_id = o.id and e.kind = 'admitted' where o.slug = ${ORG_A}`,
    )) as [{ id: string; admitted_on: string }]
    ;[orgB] = (await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where slug = ${ORG_B}`,
    )) as [{ id: string }]
    repA = await holderOf(ORG_A, 'representative')
    altA = await holderOf(ORG_A, 'alternate')
    repB = await holderOf(ORG_B, 'representative')
    const signIn = async (email: string) => {
      const session = new Session(t.app)
      await signInAs(session, database.db, t.auth, { email })
      return session
    }
    representative = await signIn(repA.email)
    alternate = await signIn(altA.email)
    otherRepresentative = await signIn(repB.email)
    staff = await signIn('staff@example.org')
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
  })
  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it("shows AMP SoCal's representative who holds the seats today, the history and the forms", async () => {
    const res = await representative.get(`/organizations/${ORG_A}/seats`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const html = await res.text()
    expect(html).toContain(`<input type="hidden" name="_csrf" value="${TEST_CSRF}"/>`)
    expect(html).toContain(`action="/organizations/${ORG_A}/seats/handover"`)
    expect(html).toContain(`action="/organizations/${ORG_A}/seats/swap"`)
    for (const label of [
      '<label for="handover-role">Seat</label>',
      '<option value="representative">Representative</option>',
      '<option value="alternate">Alternate</option>',
      '<label for="handover-email">Email address of the new holder</label>',
      '<label for="handover-fullName">Full name of the new holder</label>',
      '<label for="handover-effectiveOn">From</label>',
      '<label for="swap-effectiveOn">From</label>',
    ])
      expect(html).toContain(label)
    // The date defaults to today.
    expect(html).toMatch(
      new RegExp(`id="handover-effectiveOn" name="effectiveOn" type="date" value="${DEMO_TODAY}"`),
    )
    const text = await pageText(new Response(html))
    expect(text).toContain(`Representative ${repA.full_name} (${repA.email})`)
    expect(text).toContain(`Alternate ${altA.full_name} (${altA.email})`)
    expect(text).not.toContain('Incomplete')
    expect(text).toMatch(
      new RegExp(`${altA.full_name} ${altA.email} Alternate \\w+ \\d+, \\d{4} Still holds it`),
    )
  })

  it('refuses the seats page to the alternate, to another organisation’s representative, and sends visitors to sign in', async () => {
    const byAlternate = await alternate.get(`/organizations/${ORG_A}/seats`)
    expect(byAlternate.status).toBe(403)
    expect(await byAlternate.text()).not.toContain('seats/handover')
    const byOther = await otherRepresentative.get(`/organizations/${ORG_A}/seats`)
    expect(byOther.status).toBe(403)
    expect(await pageText(byOther)).toContain(
      'Only staff and the representative who holds this organisation’s seat today can change its seats.',
    )
    const anonymous = await new Session(t.app).get(`/organizations/${ORG_A}/seats`)
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent(`/organizations/${ORG_A}/seats`)}`,
    )
    expect((await representative.get('/organizations/no-such-organisation/seats')).status).toBe(404)
  })

  it('hands the alternate seat to a new person from a date: the earlier holder stays on record for every earlier date', async () => {
    const handoverOn = addDays(DEMO_TODAY, 3)
    const peopleBefore = await peopleCount()
    const res = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'alternate',
      email: 'Jordan.Newcomb@example.org',
      fullName: 'Jordan Newcomb',
      effectiveOn: handoverOn,
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^/organizations/${ORG_A}/seats\\?handed=[0-9a-f-]{36}&invite=sent$`))
    expect(await peopleCount()).toBe((peopleBefore ?? 0) + 1)

    // Who held the seat on each day around the handover.
    const on = (date: string) => holderName(orgA.id, 'alternate', date)
    expect(await on(addDays(orgA.admitted_on, -1))).toBeNull()
    expect(await on(orgA.admitted_on)).toBe(altA.full_name)
    expect(await on(addDays(orgA.admitted_on, 200))).toBe(altA.full_name)
    expect(await on(DEMO_TODAY)).toBe(altA.full_name)
    expect(await on(addDays(handoverOn, -1))).toBe(altA.full_name)
    expect(await on(handoverOn)).toBe('Jordan Newcomb')
    expect(await on(addDays(handoverOn, 1))).toBe('Jordan Newcomb')
    expect(await on(addDays(handoverOn, 3650))).toBe('Jordan Newcomb')
    // The representative seat did not move.
    expect(await holderName(orgA.id, 'representative', handoverOn)).toBe(repA.full_name)

    const page = await pageText(await representative.get(location))
    expect(page).toContain(
      'Jordan Newcomb holds the alternate seat from November 29, 2026. We emailed them an invitation to choose a password.',
    )
    expect(page).toMatch(
      /Jordan Newcomb Jordan\.Newcomb@example\.org Alternate \w+ \d+, \d{4} \(to come\) Still holds it/,
    )
    // The earlier holder's last day is the day before the handover.
    expect(page).toMatch(
      new RegExp(`${altA.full_name} ${altA.email} Alternate \\w+ \\d+, \\d{4} November 28, 2026`),
    )

    const email = await sink.waitFor('jordan.newcomb@example.org')
    expect(email.subject).toBe('You are invited to the American Manufacturing Community Collaborative')
    expect(email.text).toMatch(/\/invitations\/[\w-]{32,}/)

    const history = await seatHistory(database.db, orgA.id)
    expect(
      history.filter((h) => h.role === 'alternate').map((h) => [h.person.fullName, h.startsOn, h.endsOn]),
    ).toEqual([
      ['Jordan Newcomb', handoverOn, null],
      [altA.full_name, altA.starts_on, handoverOn],
    ])
  })

  it('records the handover in the audit log against the representative who made it', async () => {
    const rows = await queryRows<{
      actor: string
      action: string
      changed: string[] | null
      ends_on: string | null
    }>(
      database.db,
      sql`select actor, action, changed, after ->> 'ends_on' as ends_on from audit_log
        where table_name = 'seats' and after ->> 'organization_id' = ${orgA.id} order by at, action`,
    )
    const representativeId = (await personByEmail(database.db, repA.email))?.id
    expect(rows.map((r) => [r.actor, r.action])).toEqual([
      [`person:${representativeId}`, 'insert'],
      [`person:${representativeId}`, 'update'],
    ])
    expect(rows.find((r) => r.action === 'update')?.changed).toEqual(['ends_on'])
    const [person] = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor from audit_log where table_name = 'people' and action = 'insert'
        and after ->> 'email' = 'Jordan.Newcomb@example.org'`,
    )
    expect(person?.actor).toBe(`person:${representativeId}`)
  })

  it('refuses a date on or before the current holder’s first day, and changes nothing', async () => {
    const before = await seatRows(orgA.id)
    const res = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'alternate',
      email: 'someone.else@example.org',
      fullName: 'Someone Else',
      effectiveOn: addDays(DEMO_TODAY, 2),
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('id="handover-effectiveOn-error"')
    const text = await pageText(new Response(html))
    expect(text).toContain(
      'Jordan Newcomb took the alternate seat on November 29, 2026: a handover must take effect after that day.',
    )
    expect(text).toContain('Nothing was changed: correct the field marked below.')
    // What was typed is kept.
    expect(html).toContain('value="someone.else@example.org"')
    expect(html).toContain('value="Someone Else"')
    expect(await seatRows(orgA.id)).toEqual(before)
    expect(await personByEmail(database.db, 'someone.else@example.org')).toBeUndefined()
  })

  it('refuses a handover dated in the past while someone held the seat then, and changes nothing', async () => {
    const before = await seatRows(orgA.id)
    const res = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'representative',
      email: 'backdated@example.org',
      fullName: 'Back Dated',
      effectiveOn: addDays(DEMO_TODAY, -30),
    })
    expect(res.status).toBe(409)
    expect(await pageText(res)).toContain(
      `${repA.full_name} held the representative seat on October 27, 2026: a handover cannot change who held it on past days. Use today or a later date.`,
    )
    expect(await seatRows(orgA.id)).toEqual(before)
  })

  it('refuses to give one person both seats, or the seat they already hold, and changes nothing', async () => {
    const before = await seatRows(orgA.id)
    const both = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'representative',
      email: 'jordan.newcomb@example.org',
      fullName: '',
      effectiveOn: addDays(DEMO_TODAY, 5),
    })
    expect(both.status).toBe(409)
    const bothHtml = await both.text()
    expect(bothHtml).toContain('id="handover-email-error"')
    expect(await pageText(new Response(bothHtml))).toContain(
      'Jordan Newcomb holds the alternate seat of Advanced Manufacturing Partnership for Southern California on December 1, 2026: one person cannot hold both seats.',
    )
    const again = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'representative',
      email: repA.email.toUpperCase(),
      fullName: '',
      effectiveOn: addDays(DEMO_TODAY, 5),
    })
    expect(again.status).toBe(409)
    expect(await pageText(again)).toContain(
      `${repA.full_name} already holds the representative seat on December 1, 2026.`,
    )
    expect(await seatRows(orgA.id)).toEqual(before)
  })

  it('says what each field expects when the form is incomplete, and keeps what was typed', async () => {
    const res = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'treasurer',
      email: 'not an address',
      fullName: 'Kept Name',
      effectiveOn: '2026-02-30',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    const text = await pageText(new Response(html))
    expect(text).toContain('Choose the seat to hand over: representative or alternate.')
    expect(text).toContain('Enter the email address of the new holder, such as name@example.org.')
    expect(text).toContain('Enter a date such as 2026-12-01 (year, month, day).')
    expect(html).toContain('value="not an address"')
    expect(html).toContain('value="Kept Name"')
    expect(html).toContain('value="2026-02-30"')
    expect(html).toMatch(/id="handover-email"[^>]*aria-invalid="true"/)

    const noName = await representative.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'alternate',
      email: 'brand.new@example.org',
      fullName: '',
      effectiveOn: addDays(DEMO_TODAY, 10),
    })
    expect(noName.status).toBe(400)
    expect(await pageText(noName)).toContain(
      'Nobody on record has this email: enter the full name of the new holder, 1 to 200 characters.',
    )
  })

  it('shows a name with markup in it as text on the seats page', async () => {
    const name = '<b>Bold</b> <img src=x onerror=alert(1)> Holder'
    const res = await staff.post(`/organizations/${ORG_B}/seats/handover`, {
      role: 'alternate',
      email: 'markup.holder@example.org',
      fullName: name,
      effectiveOn: addDays(DEMO_TODAY, 1),
    })
    expect(res.status).toBe(303)
    const html = await (await staff.get(res.headers.get('location') ?? '')).text()
    expect(html).toContain('&lt;b&gt;Bold&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt; Holder')
    expect(html).not.toContain('<b>Bold</b>')
    expect(html).not.toContain('<img src=x')
  })

  it("refuses AMP SoCal's representative the seats of another organisation with 403, and changes nothing", async () => {
    const before = await seatRows(orgB.id)
    const people = await peopleCount()
    const handover = await representative.post(`/organizations/${ORG_B}/seats/handover`, {
      role: 'representative',
      email: 'takeover@example.org',
      fullName: 'Take Over',
      effectiveOn: DEMO_TODAY,
    })
    expect(handover.status).toBe(403)
    const swap = await representative.post(`/organizations/${ORG_B}/seats/swap`, { effectiveOn: DEMO_TODAY })
    expect(swap.status).toBe(403)
    expect(await seatRows(orgB.id)).toEqual(before)
    expect(await peopleCount()).toBe(people)
  })

  it('refuses the alternate a handover or a swap with 403, and changes nothing', async () => {
    const before = await seatRows(orgA.id)
    const handover = await alternate.post(`/organizations/${ORG_A}/seats/handover`, {
      role: 'representative',
      email: altA.email,
      fullName: '',
      effectiveOn: addDays(DEMO_TODAY, 1),
    })
    expect(handover.status).toBe(403)
    const swap = await alternate.post(`/organizations/${ORG_A}/seats/swap`, {
      effectiveOn: addDays(DEMO_TODAY, 1),
    })
    expect(swap.status).toBe(403)
    expect(await seatRows(orgA.id)).toEqual(before)
  })

  it('lets staff hand over a seat of any organisation, recorded against the staff member', async () => {
    const newRep = await holderOf(ORG_B, 'alternate')
    const res = await staff.post(`/organizations/${ORG_B}/seats/handover`, {
      role: 'representative',
      email: 'pat.staffpick@example.org',
      fullName: 'Pat Staffpick',
      effectiveOn: DEMO_TODAY,
    })
    expect(res.status).toBe(303)
    expect(await holderName(orgB.id, 'representative', DEMO_TODAY)).toBe('Pat Staffpick')
    expect(await holderName(orgB.id, 'representative', addDays(DEMO_TODAY, -1))).toBe(repB.full_name)
    expect(newRep.full_name).not.toBe('Pat Staffpick')
    const [row] = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor from audit_log where table_name = 'seats' and action = 'insert'
        and after ->> 'organization_id' = ${orgB.id} and after ->> 'role' = 'representative'`,
    )
    expect(row?.actor).toBe(`person:${staffPersonId}`)
    // The former representative of South Kansas no longer manages its seats from today.
    expect((await otherRepresentative.get(`/organizations/${ORG_B}/seats`)).status).toBe(403)
  })

  it('swaps the representative and the alternate from a date, keeping both earlier holdings', async () => {
    const swapOn = addDays(DEMO_TODAY, 7)
    const res = await representative.post(`/organizations/${ORG_A}/seats/swap`, { effectiveOn: swapOn })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/organizations/${ORG_A}/seats?swapped=${swapOn}`)
    const day = addDays(swapOn, -1)
    expect(await holderName(orgA.id, 'representative', day)).toBe(repA.full_name)
    expect(await holderName(orgA.id, 'alternate', day)).toBe('Jordan Newcomb')
    expect(await holderName(orgA.id, 'representative', swapOn)).toBe('Jordan Newcomb')
    expect(await holderName(orgA.id, 'alternate', swapOn)).toBe(repA.full_name)
    expect(await holderName(orgA.id, 'alternate', DEMO_TODAY)).toBe(altA.full_name)
    const page = await pageText(await representative.get(res.headers.get('location') ?? ''))
    expect(page).toContain('The representative and the alternate swap roles from December 3, 2026.')
    const history = await seatHistory(database.db, orgA.id)
    expect(history).toHaveLength(5)
  })

  it('refuses a swap dated in the past, or while a seat is vacant', async () => {
    const before = await seatRows(orgA.id)
    const past = await staff.post('/organizations/southwest-alabama/seats/swap', {
      effectiveOn: addDays(DEMO_TODAY, -3),
    })
    expect(past.status).toBe(409)
    expect(await pageText(past)).toContain('a swap cannot change who held them on past days')
    const beforeLatest = await representative.post(`/organizations/${ORG_A}/seats/swap`, {
      effectiveOn: addDays(DEMO_TODAY, 6),
    })
    expect(beforeLatest.status).toBe(409)
    expect(await pageText(beforeLatest)).toContain('a swap must take effect after that day')
    expect(await seatRows(orgA.id)).toEqual(before)
    await expect(
      swapSeats(database.db, 'system', {
        organizationId: orgA.id,
        effectiveOn: '1990-01-01',
        today: DEMO_TODAY,
      }),
    ).rejects.toThrow(/swap must take effect after that day/)
  })

  it('never lets two holdings of one seat overlap, even when written around the feature functions', async () => {
    const before = await seatRows(orgA.id)
    await expect(
      writeAs(database.db, 'system', async (tx) => {
        await tx.insert(seats).values({
          organizationId: orgA.id,
          role: 'representative',
          personId: repB.id,
          startsOn: addDays(DEMO_TODAY, -10),
          endsOn: addDays(DEMO_TODAY, -5),
        })
        await assertSeatHistoryConsistent(tx, orgA.id)
      }),
    ).rejects.toThrow(/would both hold the representative seat from November 16, 2026/)
    await expect(
      writeAs(database.db, 'system', async (tx) => {
        await tx.insert(seats).values({
          organizationId: orgA.id,
          role: 'representative',
          personId: altA.id,
          startsOn: '1990-01-01',
          endsOn: '1990-02-01',
        })
        await tx.insert(seats).values({
          organizationId: orgA.id,
          role: 'alternate',
          personId: altA.id,
          startsOn: '1990-01-15',
          endsOn: '1990-03-01',
        })
        await assertSeatHistoryConsistent(tx, orgA.id)
      }),
    ).rejects.toThrow(/would hold both seats from January 15, 1990/)
    expect(await seatRows(orgA.id)).toEqual(before)
  })

  it('refuses a handover to a person who is not on record, and changes nothing', async () => {
    const before = await seatRows(orgB.id)
    await expect(
      handOverSeat(database.db, `person:${staffPersonId}`, {
        organizationId: orgB.id,
        role: 'alternate',
        personId: '00000000-0000-4000-8000-000000000000',
        effectiveOn: addDays(DEMO_TODAY, 20),
        today: DEMO_TODAY,
      }),
    ).rejects.toThrow('No person on record has this id.')
    expect(await seatRows(orgB.id)).toEqual(before)
  })

  it('tells a representative who hands over their own seat from today that it is done, and then shows them the door', async () => {
    const slug = 'southwest-alabama'
    const own = await holderOf(slug, 'representative')
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email: own.email })
    const res = await session.post(`/organizations/${slug}/seats/handover`, {
      role: 'representative',
      email: 'quinn.successor@example.org',
      fullName: 'Quinn Successor',
      effectiveOn: DEMO_TODAY,
    })
    expect(res.status).toBe(200)
    const text = await pageText(res)
    expect(text).toContain(
      'Quinn Successor holds the representative seat from November 26, 2026. We emailed them an invitation to choose a password.',
    )
    expect(text).toContain('You no longer hold the representative seat')
    expect((await session.get(`/organizations/${slug}/seats`)).status).toBe(403)
  })
})
