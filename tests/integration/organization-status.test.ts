import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { addDays } from '#src/lib/dates.ts'
import { writeAs } from '../../src/db/actor.ts'
import { admissionEvents, organizations, people, seats } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { seatHolderOn } from '../../src/features/seats/seat-holders.ts'
import {
  incompleteOrganizations,
  isIncomplete,
  organizationSeatStatus,
  vacantSeats,
} from '../../src/features/seats/seat-status.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SUSPENDED = 'greater-portland-maine'
const WITHDRAWN = 'northwest-georgia'
const NEW_ORG = 'testville-makers'

describe(`suspension, reinstatement, withdrawal and incomplete organisations on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let representative: Session
  let board: Session
  let staffPersonId: string
  let newOrgId: string

  const idOf = async (slug: string) =>
    (await queryRows<{ id: string }>(database.db, sql`select id from organizations where slug = ${slug}`))[0]
      ?.id ?? ''
  const events = (slug: string) =>
    queryRows<{ kind: string; effective_on: string; reason: string | null }>(
      database.db,
      sql`select e.kind, e.effective_on::text as effective_on, e.reason from admission_events e
        join organizations o on o.id = e.organization_id where o.slug = ${slug}
        order by e.effective_on, e.recorded_at`,
    )
  const anonymous = (path: string) => t.app.request(path)
  const inDirectory = async (slug: string) =>
    (await (await anonymous('/directory')).text()).includes(`href="/organizations/${slug}"`)
  const inApi = async (slug: string) =>
    ((await (await anonymous('/api/v1/organizations')).json()) as { data: { slug: string }[] }).data.some(
      (o) => o.slug === slug,
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
    board = new Session(t.app)
    await signInAs(board, database.db, t.auth, { email: 'board@example.org' })
    const [rep] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = ${SUSPENDED} and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    representative = new Session(t.app)
    await signInAs(representative, database.db, t.auth, { email: rep?.email ?? '' })

    // An organisation admitted with only its alternate seat filled.
    newOrgId = await writeAs(database.db, 'system', async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({ slug: NEW_ORG, name: 'Testville Makers Alliance', category: 'member', states: ['OH'] })
        .returning({ id: organizations.id })
      const id = org?.id ?? ''
      await tx.insert(admissionEvents).values([
        { organizationId: id, kind: 'applied', effectiveOn: '2026-08-01', reason: 'Applied online.' },
        { organizationId: id, kind: 'admitted', effectiveOn: '2026-10-01', reason: 'Board approval.' },
      ])
      const [alt] = await tx
        .insert(people)
        .values({ fullName: 'Ali Alternate', email: 'ali.alternate@example.org', organizationId: id })
        .returning({ id: people.id })
      await tx
        .insert(seats)
        .values({ organizationId: id, role: 'alternate', personId: alt?.id ?? '', startsOn: '2026-10-01' })
      return id
    })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows staff the admission history and the changes open to an admitted organisation', async () => {
    const res = await staff.get(`/staff/organizations/${SUSPENDED}/status`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const html = await res.text()
    expect(html).toContain('<label for="status-action">Change</label>')
    expect(html).toContain('<option value="suspend">Suspend</option>')
    expect(html).toContain('<option value="withdraw">Withdraw</option>')
    expect(html).not.toContain('value="reinstate"')
    expect(html).toContain('<label for="status-reason">Reason</label>')
    expect(html).toContain(
      `id="status-effectiveOn" name="effectiveOn" type="date" value="${DEMO_TODAY}" max="${DEMO_TODAY}"`,
    )
    const text = await pageText(new Response(html))
    expect(text).toContain('Admission status of Greater Portland (Maine)')
    expect(text).toMatch(/Admitted on \w+ \d+, \d{4}: listed in the directory\./)
    expect(text).toMatch(/Admitted Demo admission\./)
    expect(text).toMatch(/Applied Demo application\./)
  })

  it('refuses the status page to a representative and the board, and sends visitors to sign in', async () => {
    expect((await representative.get(`/staff/organizations/${SUSPENDED}/status`)).status).toBe(403)
    expect((await board.get(`/staff/organizations/${SUSPENDED}/status`)).status).toBe(403)
    const post = await representative.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'suspend',
      reason: 'Trying',
      effectiveOn: DEMO_TODAY,
    })
    expect(post.status).toBe(403)
    expect((await new Session(t.app).get(`/staff/organizations/${SUSPENDED}/status`)).status).toBe(303)
    expect(await events(SUSPENDED)).toHaveLength(2)
  })

  it('suspends an organisation with a reason: it leaves the directory, the API and its profile, and the history keeps why', async () => {
    // Cached copies first: the change must not leave them behind.
    expect(await inDirectory(SUSPENDED)).toBe(true)
    expect(await inApi(SUSPENDED)).toBe(true)
    expect((await anonymous(`/organizations/${SUSPENDED}`)).status).toBe(200)

    const res = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'suspend',
      reason: 'Dues unpaid for two years.',
      effectiveOn: DEMO_TODAY,
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location).toMatch(
      new RegExp(`^/staff/organizations/${SUSPENDED}/status\\?recorded=[0-9a-f-]{36}$`),
    )

    expect(await inDirectory(SUSPENDED)).toBe(false)
    expect(await inApi(SUSPENDED)).toBe(false)
    expect((await anonymous(`/organizations/${SUSPENDED}`)).status).toBe(404)

    const text = await pageText(await staff.get(location))
    expect(text).toContain('Recorded: suspended from November 26, 2026.')
    expect(text).toContain('Suspended since November 26, 2026: not listed in the directory.')
    expect(text).toMatch(
      /November 26, 2026 Suspended Dues unpaid for two years\. \w+ \d+, \d{4}, [\d:]+ [ap]m ET by Robin Castellano/,
    )
    expect(text).toContain('Reinstate')
    const [audit] = await queryRows<{ actor: string; reason: string }>(
      database.db,
      sql`select actor, after ->> 'reason' as reason from audit_log where table_name = 'admission_events'
        and action = 'insert' order by at desc limit 1`,
    )
    expect(audit).toEqual({ actor: `person:${staffPersonId}`, reason: 'Dues unpaid for two years.' })
  })

  it('refuses a second suspension, a missing reason, a future date and a date before the history, and records nothing', async () => {
    const before = await events(SUSPENDED)
    const again = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'suspend',
      reason: 'Still unpaid.',
      effectiveOn: DEMO_TODAY,
    })
    expect(again.status).toBe(409)
    expect(await pageText(again)).toContain(
      'The organisation is already suspended: reinstate it or withdraw it.',
    )

    const noReason = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'reinstate',
      reason: '   ',
      effectiveOn: DEMO_TODAY,
    })
    expect(noReason.status).toBe(400)
    const noReasonHtml = await noReason.text()
    expect(noReasonHtml).toContain('id="status-reason-error"')
    expect(noReasonHtml).toContain('Write the reason for this change: it is kept in the history.')
    expect(noReasonHtml).toContain('<option value="reinstate" selected="">Reinstate</option>')

    const future = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'reinstate',
      reason: 'Paid in advance.',
      effectiveOn: addDays(DEMO_TODAY, 1),
    })
    expect(future.status).toBe(409)
    expect(await pageText(future)).toContain(
      'A change of status is recorded when it happens: use today (November 26, 2026) or an earlier date.',
    )

    const early = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'reinstate',
      reason: 'Paid last month.',
      effectiveOn: addDays(DEMO_TODAY, -30),
    })
    expect(early.status).toBe(409)
    const earlyHtml = await early.text()
    expect(earlyHtml).toContain('id="status-effectiveOn-error"')
    expect(earlyHtml).toContain(
      'The history already has an entry dated November 26, 2026: date this change on or after it.',
    )
    expect(earlyHtml).toContain('Paid last month.</textarea>')

    const unknown = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'expel',
      reason: 'x',
      effectiveOn: 'tomorrow',
    })
    expect(unknown.status).toBe(400)
    const unknownText = await pageText(unknown)
    expect(unknownText).toContain('Choose the change to record: suspend, reinstate or withdraw.')
    expect(unknownText).toContain('Enter a date such as 2026-12-01 (year, month, day).')
    expect(await events(SUSPENDED)).toEqual(before)
  })

  it('reinstates a suspended organisation: it is listed again and the history keeps both entries with their reasons', async () => {
    const res = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'reinstate',
      reason: 'Dues paid in full.',
      effectiveOn: DEMO_TODAY,
    })
    expect(res.status).toBe(303)
    expect(await inDirectory(SUSPENDED)).toBe(true)
    expect(await inApi(SUSPENDED)).toBe(true)
    expect((await anonymous(`/organizations/${SUSPENDED}`)).status).toBe(200)
    const history = await events(SUSPENDED)
    expect(history.slice(-2)).toEqual([
      { kind: 'suspended', effective_on: DEMO_TODAY, reason: 'Dues unpaid for two years.' },
      { kind: 'reinstated', effective_on: DEMO_TODAY, reason: 'Dues paid in full.' },
    ])
    const reinstatedAgain = await staff.post(`/staff/organizations/${SUSPENDED}/status`, {
      action: 'reinstate',
      reason: 'Twice?',
      effectiveOn: DEMO_TODAY,
    })
    expect(reinstatedAgain.status).toBe(409)
    expect(await pageText(reinstatedAgain)).toContain(
      'Only a suspended organisation can be reinstated; this one is not suspended.',
    )
  })

  it('withdraws an organisation from a past date: it leaves the directory, its seats end that day, and the withdrawal is final', async () => {
    const orgId = await idOf(WITHDRAWN)
    const withdrawOn = addDays(DEMO_TODAY, -10)
    const holder = await seatHolderOn(database.db, {
      organizationId: orgId,
      role: 'representative',
      onDate: DEMO_TODAY,
    })
    expect(holder).not.toBeNull()
    const res = await staff.post(`/staff/organizations/${WITHDRAWN}/status`, {
      action: 'withdraw',
      reason: 'The consortium dissolved.',
      effectiveOn: withdrawOn,
    })
    expect(res.status).toBe(303)
    expect(await inDirectory(WITHDRAWN)).toBe(false)
    expect(await inApi(WITHDRAWN)).toBe(false)
    // The seats were held until the day before, and by nobody from then on.
    for (const role of ['representative', 'alternate'] as const) {
      expect(
        await seatHolderOn(database.db, { organizationId: orgId, role, onDate: addDays(withdrawOn, -1) }),
      ).not.toBeNull()
      expect(await seatHolderOn(database.db, { organizationId: orgId, role, onDate: withdrawOn })).toBeNull()
      expect(await seatHolderOn(database.db, { organizationId: orgId, role, onDate: DEMO_TODAY })).toBeNull()
    }
    // Nobody is incomplete for a withdrawn organisation: it is not a member.
    expect(await isIncomplete(database.db, orgId, DEMO_TODAY)).toBe(false)

    const page = await staff.get(`/staff/organizations/${WITHDRAWN}/status`)
    const text = await pageText(page)
    expect(text).toContain('Withdrew on November 16, 2026: not listed in the directory.')
    expect(text).toContain('The organisation has withdrawn, which is final')
    expect(text).toContain('The consortium dissolved.')
    const before = await events(WITHDRAWN)
    const reinstate = await staff.post(`/staff/organizations/${WITHDRAWN}/status`, {
      action: 'reinstate',
      reason: 'Changed their mind.',
      effectiveOn: DEMO_TODAY,
    })
    expect(reinstate.status).toBe(409)
    expect(await pageText(reinstate)).toContain(
      'The organisation has withdrawn, which is final: it can come back only through a new application.',
    )
    expect(await events(WITHDRAWN)).toEqual(before)

    // Nor can its seats be filled again.
    const handover = await staff.post(`/organizations/${WITHDRAWN}/seats/handover`, {
      role: 'representative',
      email: 'late.comer@example.org',
      fullName: 'Late Comer',
      effectiveOn: DEMO_TODAY,
    })
    expect(handover.status).toBe(409)
    expect(await pageText(handover)).toContain(
      'The organisation withdrew on November 16, 2026: its seats cannot be filled after that.',
    )
  })

  it('refuses a withdrawal dated before a seat holder started, and changes nothing', async () => {
    // Every seventh demo organisation handed its representative seat over on 1 June.
    const [handedOver] = await queryRows<{ slug: string; id: string }>(
      database.db,
      sql`select o.slug, o.id from seats s join organizations o on o.id = s.organization_id
        where s.role = 'representative' and s.starts_on = '2026-06-01' order by o.slug limit 1`,
    )
    if (!handedOver) throw new Error('no demo organisation handed its seat over on 2026-06-01')
    const seatsBefore = await queryRows(
      database.db,
      sql`select * from seats where organization_id = ${handedOver.id} order by id`,
    )
    const before = await events(handedOver.slug)
    const res = await staff.post(`/staff/organizations/${handedOver.slug}/status`, {
      action: 'withdraw',
      reason: 'Backdated.',
      effectiveOn: '2026-05-01',
    })
    expect(res.status).toBe(409)
    expect(await pageText(res)).toContain(
      'A seat holder starts on June 1, 2026: date the withdrawal after that day.',
    )
    expect(await events(handedOver.slug)).toEqual(before)
    expect(
      await queryRows(
        database.db,
        sql`select * from seats where organization_id = ${handedOver.id} order by id`,
      ),
    ).toEqual(seatsBefore)
  })

  it('shows an admitted organisation with a vacant seat as incomplete until the seat is filled', async () => {
    expect(await vacantSeats(database.db, newOrgId, DEMO_TODAY)).toEqual(['representative'])
    expect(await isIncomplete(database.db, newOrgId, DEMO_TODAY)).toBe(true)
    // Before the admission it was not a member, so not incomplete either.
    expect(await isIncomplete(database.db, newOrgId, '2026-09-01')).toBe(false)
    const amp = await idOf('amp-socal')
    const batch = await incompleteOrganizations(
      database.db,
      [newOrgId, amp, await idOf(WITHDRAWN)],
      DEMO_TODAY,
    )
    expect([...batch]).toEqual([[newOrgId, ['representative']]])
    const status = await organizationSeatStatus(database.db, [newOrgId, amp], DEMO_TODAY)
    expect(status.get(amp)).toEqual({ admission: 'admitted', vacantSeats: [], isIncomplete: false })

    const seatsPage = await staff.get(`/organizations/${NEW_ORG}/seats`)
    expect(seatsPage.status).toBe(200)
    const html = await seatsPage.text()
    expect(html).toContain('<span class="badge incomplete">Incomplete: no representative</span>')
    // The vacant seat is the one the form offers first.
    expect(html).toContain('<option value="representative" selected="">Representative</option>')
    const text = await pageText(new Response(html))
    expect(text).toContain('Representative Vacant')
    expect(text).toContain('Alternate Ali Alternate (ali.alternate@example.org)')
    expect(text).toContain('Both seats must be held to swap them.')
    expect(await pageText(await staff.get(`/staff/organizations/${NEW_ORG}/status`))).toContain(
      'Incomplete: no representative',
    )

    // Filled from the day of admission: nobody held it then, so a date in the past is fine.
    const filled = await staff.post(`/organizations/${NEW_ORG}/seats/handover`, {
      role: 'representative',
      email: 'rhea.rep@example.org',
      fullName: 'Rhea Representative',
      effectiveOn: '2026-10-01',
    })
    expect(filled.status).toBe(303)
    expect(await isIncomplete(database.db, newOrgId, DEMO_TODAY)).toBe(false)
    expect(await isIncomplete(database.db, newOrgId, '2026-10-01')).toBe(false)
    const after = await pageText(await staff.get(filled.headers.get('location') ?? ''))
    expect(after).not.toContain('Incomplete')
    expect(after).toContain('Rhea Representative holds the representative seat from October 1, 2026.')
  })
})
