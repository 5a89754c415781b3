import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import {
  admissionEvents,
  attendance,
  attendanceImports,
  organizations,
  people,
  seats,
  storedFiles,
} from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A held call of the demo (a Monday before DEMO_TODAY). */
const HELD = '2026-11-23'
const PAGE = `/staff/calls/${HELD}/roll-call`
const VACANCY = { name: 'Aardvark Valley Manufacturing', representative: 'Riley Vacancy' }

type Holder = {
  org_id: string
  org_name: string
  role: 'representative' | 'alternate'
  person_id: string
  full_name: string
}
type Row = { person_id: string; seconds: number; source: string; import_id: string | null }

/** The roll call form's checkboxes, as `person id → checked`. */
function checkboxes(html: string): Map<string, boolean> {
  const boxes = new Map<string, boolean>()
  for (const match of html.matchAll(/<input type="checkbox"[^>]*>/g)) {
    const tag = match[0]
    const value = tag.match(/value="([^"]+)"/)?.[1]
    if (value) boxes.set(value, /\schecked(?:=""|\s|\/|>)/.test(tag))
  }
  return boxes
}

/** Posts the roll call form with these people ticked (a repeated `present` field, as a browser sends it). */
function postRollCall(session: Session, path: string, present: string[]) {
  const body = new URLSearchParams({ _csrf: TEST_CSRF })
  for (const id of present) body.append('present', id)
  return session.app.request(path, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: TEST_ORIGIN,
      Cookie: session.cookieHeader,
    },
  })
}

describe(`the roll call on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let representative: Session
  let staffPersonId: string
  let callId: string
  let holders: Holder[]
  /** Both seats held, and nobody of it on the call in the demo's records. */
  let quiet: { rep: Holder; alt: Holder }
  /** Another such organisation, whose representative gets a Zoom report in a test. */
  let reported: { rep: Holder; alt: Holder }
  /** An organisation admitted before the call whose alternate seat was vacant on the day. */
  let vacancy: { orgId: string; laterAlternateId: string }

  const rowsOf = (personIds?: string[]) =>
    queryRows<Row>(
      database.db,
      sql`select person_id::text as person_id, seconds, source, import_id::text as import_id
        from attendance where call_id = ${callId}
        ${
          personIds
            ? sql`and person_id in (${sql.join(
                personIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql``
        }
        order by person_id, source`,
    )
  const rollCallRows = async () => (await rowsOf()).filter((r) => r.source === 'roll_call')
  const allRows = () =>
    queryRows<Record<string, unknown>>(database.db, sql`select * from attendance order by id`)

  const countOf = (text: string) => {
    const match = text.match(/(\d+) of (\d+) organisations present/)
    if (!match) throw new Error(`no count on the page: ${text.slice(0, 400)}`)
    return { counting: Number(match[1]), total: Number(match[2]) }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
    vacancy = await writeAs(database.db, 'cli', async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({ slug: 'aaa-vacancy', name: VACANCY.name, category: 'member', states: ['MI'] })
        .returning({ id: organizations.id })
      const orgId = org?.id ?? ''
      await tx.insert(admissionEvents).values({
        organizationId: orgId,
        kind: 'admitted',
        effectiveOn: '2026-10-01',
        reason: 'Board approval.',
      })
      const [rep, alt] = await tx
        .insert(people)
        .values([
          { fullName: VACANCY.representative, email: 'riley.vacancy@example.org', organizationId: orgId },
          { fullName: 'Avery Later', email: 'avery.later@example.org', organizationId: orgId },
        ])
        .returning({ id: people.id })
      await tx.insert(seats).values([
        { organizationId: orgId, role: 'representative', personId: rep?.id ?? '', startsOn: '2026-10-01' },
        { organizationId: orgId, role: 'alternate', personId: alt?.id ?? '', startsOn: '2026-11-24' },
      ])
      return { orgId, laterAlternateId: alt?.id ?? '' }
    })
    const [call] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from calls where local_date = ${HELD}::date`,
    )
    callId = call?.id ?? ''
    holders = await queryRows<Holder>(
      database.db,
      sql`select o.id::text as org_id, coalesce(o.short_name, o.name) as org_name, s.role,
          p.id::text as person_id, p.full_name
        from seats s join organizations o on o.id = s.organization_id join people p on p.id = s.person_id
        where s.starts_on <= ${HELD}::date and (s.ends_on is null or s.ends_on > ${HELD}::date)
          and (select e.kind from admission_events e where e.organization_id = o.id and e.effective_on <= ${HELD}::date
            order by e.effective_on desc, e.recorded_at desc limit 1) in ('admitted', 'reinstated')
        order by o.name, s.role desc`,
    )
    const seen = new Set((await rowsOf()).map((r) => r.person_id))
    const pairs = [...new Set(holders.map((h) => h.org_id))]
      .map((orgId) => ({
        rep: holders.find((h) => h.org_id === orgId && h.role === 'representative'),
        alt: holders.find((h) => h.org_id === orgId && h.role === 'alternate'),
      }))
      .filter((p): p is { rep: Holder; alt: Holder } => Boolean(p.rep && p.alt))
      .filter((p) => !seen.has(p.rep.person_id) && !seen.has(p.alt.person_id))
    if (pairs.length < 2) throw new Error(`the demo has too few organisations absent on ${HELD}`)
    ;[quiet, reported] = pairs as [{ rep: Holder; alt: Holder }, { rep: Holder; alt: Holder }]

    const [holder] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = 'amp-socal' and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    representative = new Session(t.app)
    await signInAs(representative, database.db, t.auth, { email: holder?.email ?? '' })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('lists every organisation admitted that day, alphabetically, with a labelled box for each seat holder', async () => {
    const res = await staff.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const html = await res.text()
    expect(html).toContain(`<input type="hidden" name="_csrf" value="${TEST_CSRF}"/>`)
    expect(html).toContain(`action="${PAGE}"`)
    // The save button at the top and at the bottom of the list.
    expect(html.match(/<button type="submit" class="button">Save the roll call<\/button>/g)).toHaveLength(2)
    const text = await pageText(new Response(html))
    expect(text).toContain('Roll call of November 23, 2026')
    const orgNames = [...new Set(holders.map((h) => h.org_name))]
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
    const positions = [...orgNames]
      .sort(collator.compare)
      .map((name) => html.indexOf(`>${name.replace(/&/g, '&amp;')}<`))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    const { rep } = quiet
    expect(text).toContain(`${rep.full_name}, representative of ${rep.org_name}`)
    expect(html).toMatch(new RegExp(`<label for="present-${rep.person_id}">`))
    const boxes = checkboxes(html)
    expect(boxes.size).toBe(holders.length)
    // The demo's records are not roll-call ticks: every box starts empty, and they show as records.
    expect([...boxes.values()].every((checked) => !checked)).toBe(true)
    expect(text).toMatch(/Demo record: \d+ min/)
    expect(countOf(text).total).toBe(orgNames.length)
  })

  it('shows a vacant seat as vacant, with no box, and refuses a person who held no seat that day', async () => {
    const html = await (await staff.get(PAGE)).text()
    const start = html.indexOf(`id="org-${vacancy.orgId}"`)
    expect(start).toBeGreaterThan(0)
    const row = html.slice(start, html.indexOf('</fieldset>', start))
    const text = await pageText(new Response(row))
    expect(text).toContain(`${VACANCY.representative}, representative of ${VACANCY.name}`)
    expect(text).toContain('Vacant alternate seat')
    expect(row.match(/type="checkbox"/g)).toHaveLength(1)
    // The alternate takes the seat only after the call: they cannot be ticked for it.
    const res = await postRollCall(staff, PAGE, [vacancy.laterAlternateId])
    expect(res.status).toBe(400)
  })

  it('saves the ticked people as present for the whole call, in one go recorded against the staff member', async () => {
    const before = countOf(await pageText(await staff.get(PAGE)))
    const res = await postRollCall(staff, PAGE, [quiet.rep.person_id, quiet.alt.person_id])
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${PAGE}?saved=1`)
    const rows = await rollCallRows()
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r.seconds === 30 * 60 && r.import_id === null)).toBe(true)
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set([quiet.rep.person_id, quiet.alt.person_id]))
    const audit = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor from audit_log where table_name = 'attendance' and action = 'insert'
        and after ->> 'call_id' = ${callId}`,
    )
    expect(audit.map((a) => a.actor)).toEqual([`person:${staffPersonId}`, `person:${staffPersonId}`])

    const after = await staff.get(`${PAGE}?saved=1`)
    const html = await after.text()
    const text = await pageText(new Response(html))
    expect(text).toContain('Saved: 2 present')
    const boxes = checkboxes(html)
    expect(boxes.get(quiet.rep.person_id)).toBe(true)
    expect(boxes.get(quiet.alt.person_id)).toBe(true)
    // Both were there, but the organisation counts once.
    expect(countOf(text)).toEqual({ counting: before.counting + 1, total: before.total })
  })

  it('replaces the roll call: an unticked box removes that person, an empty form removes everyone', async () => {
    await postRollCall(staff, PAGE, [quiet.rep.person_id, quiet.alt.person_id])
    const counted = countOf(await pageText(await staff.get(PAGE))).counting
    let res = await postRollCall(staff, PAGE, [quiet.alt.person_id])
    expect(res.status).toBe(303)
    expect((await rollCallRows()).map((r) => r.person_id)).toEqual([quiet.alt.person_id])
    const html = await (await staff.get(`${PAGE}?saved=1`)).text()
    expect(checkboxes(html).get(quiet.rep.person_id)).toBe(false)
    expect(await pageText(new Response(html))).toContain('Saved: 1 present')
    // The alternate alone still counts for the organisation.
    expect(countOf(await pageText(new Response(html))).counting).toBe(counted)

    res = await postRollCall(staff, PAGE, [])
    expect(res.status).toBe(303)
    expect(await rollCallRows()).toEqual([])
    expect(countOf(await pageText(await staff.get(PAGE))).counting).toBe(counted - 1)
  })

  it('shows what an imported report says beside the name, and never touches its rows', async () => {
    const person = reported.rep
    // A committed Zoom report in which the representative was there for 27 minutes.
    const importId = await writeAs(database.db, 'cli', async (tx) => {
      const bytes = Buffer.from('Name,Duration\nSomeone,27\n')
      const [file] = await tx
        .insert(storedFiles)
        .values({
          name: 'zoom.csv',
          contentType: 'text/csv',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          data: bytes,
        })
        .returning({ id: storedFiles.id })
      const [made] = await tx
        .insert(attendanceImports)
        .values({
          callId,
          format: 'zoom',
          fileId: file?.id ?? '',
          sha256: createHash('sha256').update(bytes).digest('hex'),
          status: 'committed',
          via: 'cli',
          committedAt: '2026-11-23T19:00:00Z',
        })
        .returning({ id: attendanceImports.id })
      await tx.insert(attendance).values({
        callId,
        personId: person.person_id,
        seconds: 27 * 60 + 30,
        source: 'zoom',
        importId: made?.id ?? '',
        firstJoin: '2026-11-23T18:00:00Z',
        lastLeave: '2026-11-23T18:27:30Z',
      })
      return made?.id ?? ''
    })
    const reportRow = () =>
      queryRows<Record<string, unknown>>(
        database.db,
        sql`select * from attendance where import_id = ${importId}`,
      )
    const original = await reportRow()
    const html = await (await staff.get(PAGE)).text()
    expect(checkboxes(html).get(person.person_id)).toBe(false)
    const text = await pageText(new Response(html))
    expect(text).toContain(`${person.full_name}, representative of ${person.org_name} Zoom report: 27 min`)
    expect(html).toContain(`aria-describedby="present-${person.person_id}-records"`)

    // Ticked: both rows stand side by side.
    await postRollCall(staff, PAGE, [person.person_id])
    expect((await rowsOf([person.person_id])).map((r) => r.source)).toEqual(['roll_call', 'zoom'])
    // Unticked: only the roll-call row goes; the report's row is as it was.
    await postRollCall(staff, PAGE, [])
    expect((await rowsOf([person.person_id])).map((r) => r.source)).toEqual(['zoom'])
    expect(await reportRow()).toEqual(original)
    // The report alone makes the organisation count.
    const row = html.slice(html.indexOf(`id="org-${person.org_id}"`))
    expect(row.slice(0, row.indexOf('</fieldset>'))).toContain('Counts')
  })

  it('turns the demo record of a ticked person into their roll-call row', async () => {
    const [demo] = await queryRows<{ person_id: string }>(
      database.db,
      sql`select a.person_id::text as person_id from attendance a where a.call_id = ${callId} and a.source = 'demo'
        and a.person_id in (${sql.join(
          holders.map((h) => sql`${h.person_id}::uuid`),
          sql`, `,
        )}) limit 1`,
    )
    if (!demo) throw new Error(`the demo has no attendance on ${HELD}`)
    const res = await postRollCall(staff, PAGE, [demo.person_id])
    expect(res.status).toBe(303)
    expect(await rowsOf([demo.person_id])).toEqual([
      { person_id: demo.person_id, seconds: 1800, source: 'roll_call', import_id: null },
    ])
    await postRollCall(staff, PAGE, [])
  })

  it('refuses people who held no seat that day, keeping the ticks and saving nothing', async () => {
    const before = await allRows()
    for (const stranger of [staffPersonId, '00000000-0000-4000-8000-000000000000', 'not-a-person']) {
      const res = await postRollCall(staff, PAGE, [quiet.rep.person_id, stranger])
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(await pageText(new Response(html))).toContain(
        'Nothing was saved. Only the people holding a representative or alternate seat on the day of the call can be marked present',
      )
      expect(checkboxes(html).get(quiet.rep.person_id)).toBe(true)
    }
    expect(await allRows()).toEqual(before)
  })

  it('refuses a cancelled call and a call still to come with 400, and an unknown date with 404', async () => {
    const before = await allRows()
    // Labor Day: the demo cancels it.
    for (const method of ['GET', 'POST'] as const) {
      const cancelled = '/staff/calls/2026-09-07/roll-call'
      const res =
        method === 'GET'
          ? await staff.get(cancelled)
          : await postRollCall(staff, cancelled, [quiet.rep.person_id])
      expect(res.status).toBe(400)
      expect(await pageText(res)).toContain(
        'The call of September 7, 2026 was cancelled (Federal holiday: Labor Day)',
      )

      const future = '/staff/calls/2026-11-30/roll-call'
      const later =
        method === 'GET' ? await staff.get(future) : await postRollCall(staff, future, [quiet.rep.person_id])
      // A roll call still to come is a page saying when it opens; saving it is refused.
      expect(later.status).toBe(method === 'GET' ? 200 : 400)
      expect(await pageText(later)).toContain(
        method === 'GET'
          ? 'Its roll call opens on Monday, November 30, 2026, the day of the call'
          : 'The call of November 30, 2026 has not taken place yet',
      )

      for (const unknown of ['/staff/calls/2026-11-24/roll-call', '/staff/calls/yesterday/roll-call']) {
        const res404 = method === 'GET' ? await staff.get(unknown) : await postRollCall(staff, unknown, [])
        expect(res404.status).toBe(404)
      }
    }
    expect(await allRows()).toEqual(before)
  })

  it('is for staff only: 403 for a representative, sign-in for a visitor', async () => {
    const before = await allRows()
    expect((await representative.get(PAGE)).status).toBe(403)
    const posted = await postRollCall(representative, PAGE, [quiet.rep.person_id])
    expect(posted.status).toBe(403)
    const visitor = await t.app.request(PAGE)
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('location')).toMatch(/^\/sign-in\?next=/)
    expect(await allRows()).toEqual(before)
  })
})
