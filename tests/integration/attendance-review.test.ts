import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { reviewNetwork } from '../support/attendance-reports.ts'
import { createCall, createPerson } from '../support/factories.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { htmlText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A held call with no demo call that day (the tests' today is 2026-11-26). */
const DATE = '2026-11-25'

describe(`matching a report's unknown participants through the suggestions on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let network: Awaited<ReturnType<typeof reviewNetwork>>

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const coordinator = await createPerson(database.db, { role: 'staff', since: '2026-01-01' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: coordinator.email })
    await createCall(database.db, DATE)
    network = await reviewNetwork(database.db, DATE)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  async function uploadReport(): Promise<string> {
    const form = new FormData()
    form.set('_csrf', TEST_CSRF)
    form.set('report', new File([new Uint8Array(network.report)], 'zoom-review.csv', { type: 'text/csv' }))
    const res = await t.app.request(`/staff/calls/${DATE}/attendance/imports`, {
      method: 'POST',
      body: form,
      headers: { Origin: TEST_ORIGIN, Cookie: staff.cookieHeader },
    })
    expect(res.status).toBe(303)
    return res.headers.get('location') ?? ''
  }

  /** Each participant needing a decision on the page: its position, name and the option chosen. */
  function reviewItems(html: string) {
    return [...html.matchAll(/<li class="resolve-item" id="resolve-(\d+)">([\s\S]*?)<\/fieldset>/g)].map(
      (m) => {
        const body = m[2] ?? ''
        return {
          position: Number(m[1]),
          name: htmlText(/<strong id="match-\d+-name">([^<]*)<\/strong>/.exec(body)?.[1] ?? ''),
          text: htmlText(body),
          checked: /<input type="radio"[^>]*value="([^"]+)"[^>]*checked/.exec(body)?.[1] ?? '',
        }
      },
    )
  }

  const matchedTo = (importId: string) =>
    queryRows<{ position: number; person_id: string | null; match: string | null }>(
      database.db,
      sql`select position, person_id::text, match from attendance_import_participants
        where import_id = ${importId}::uuid order by position`,
    )

  it('suggests the right seat holder first for each unknown, says why, and saves them all at once', async () => {
    const location = await uploadReport()
    const importId = location.split('/').pop() ?? ''
    const html = await (await staff.get(location)).text()
    const items = reviewItems(html)
    expect(items).toHaveLength(10)
    expect(html).toContain('<datalist id="people-list">')

    const byName = new Map(items.map((i) => [i.name, i]))
    const jane = byName.get('Jane Do')
    expect(jane?.text).toContain('Harbor Robotics named in brackets; spelled like Jane Doe')
    expect(byName.get('Okafor Chidi')?.text).toContain('first and last name swapped of Chidi Okafor')
    expect(byName.get('M. Lindqvist')?.text).toContain('initials of Maja Lindqvist')
    expect(byName.get('Pat - Prairie Forge')?.text).toMatch(
      /Prairie Forge Collaborative \w+ named after a dash/,
    )
    expect(byName.get('tn-laptop')?.text).toContain('same email domain as Cascade Works')
    expect(byName.get('Rosa Delgato')?.text).toContain('spelled like Rosa Delgado')
    for (const [i, unknown] of network.unknowns.entries()) {
      const item = items[i]
      expect(item?.checked, unknown.row.name).toBe(unknown.expected?.id ?? 'later')
    }

    // The form as it comes, with the two devices marked as guests.
    const fields: Record<string, string> = {}
    for (const item of items) fields[`choice-${item.position}`] = item.checked
    const guests = items.filter((i) => i.checked === 'later')
    for (const item of guests) fields[`choice-${item.position}`] = 'guest'
    const res = await staff.post(`${location}/matches`, fields)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${location}?reviewed=10#actions`)
    const page = htmlText(await (await staff.get(res.headers.get('location') ?? '')).text())
    expect(page).toContain('10 choices saved. Every participant is decided.')

    const rows = await matchedTo(importId)
    for (const [i, unknown] of network.unknowns.entries()) {
      const row = rows.find((r) => r.position === 21 + i)
      expect(row?.person_id ?? null, unknown.row.name).toBe(unknown.expected?.id ?? null)
      expect(row?.match).toBe(unknown.expected ? 'manual' : 'guest')
    }
  })

  it('takes a name typed in the search box, and refuses an unknown one keeping every choice', async () => {
    await queryRows(database.db, sql`delete from attendance_aliases`)
    await queryRows(database.db, sql`delete from attendance_imports`)
    const location = await uploadReport()
    const importId = location.split('/').pop() ?? ''
    const items = reviewItems(await (await staff.get(location)).text())
    const [first, second] = items
    if (!first || !second) throw new Error('no participants to review')
    const someoneElse = network.known[0]
    if (!someoneElse) throw new Error('no known holder')

    const refused = await staff.post(`${location}/matches`, {
      [`choice-${first.position}`]: first.checked,
      [`other-${first.position}`]: 'Nobody Atall',
      [`choice-${second.position}`]: 'guest',
    })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(htmlText(html)).toContain('“Nobody Atall” is not a person on record')
    expect(html).toContain('value="Nobody Atall"')
    expect(reviewItems(html)[1]?.checked).toBe('guest')
    expect((await matchedTo(importId)).filter((r) => r.match !== null)).toHaveLength(20)

    const saved = await staff.post(`${location}/matches`, {
      [`choice-${first.position}`]: 'other',
      [`other-${first.position}`]: `${someoneElse.fullName} · ${someoneElse.email}`,
      [`choice-${second.position}`]: 'later',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${location}?reviewed=1#needs-decision`)
    const rows = await matchedTo(importId)
    expect(rows.find((r) => r.position === first.position)?.person_id).toBe(someoneElse.id)
    expect(rows.find((r) => r.position === second.position)?.match).toBeNull()
  })

  it('offers a person recorded after the page was first shown (its choices are kept only until a write)', async () => {
    const location = await uploadReport()
    const before = await (await staff.get(location)).text()
    expect(reviewItems(before).length).toBeGreaterThan(0)
    expect(before).not.toContain('Quentin Newcomer')
    await createPerson(database.db, { fullName: 'Quentin Newcomer', email: 'quentin.newcomer@example.org' })
    const after = await (await staff.get(location)).text()
    expect(after).toContain('Quentin Newcomer')
  })

  it('says when the roll call and the report upload of a call still to come open, with the way back', async () => {
    const upcoming = '2026-12-02'
    await createCall(database.db, upcoming, { startTime: '14:00' })
    for (const [path, what] of [
      [`/staff/calls/${upcoming}/roll-call`, 'Its roll call'],
      [`/staff/calls/${upcoming}/attendance`, 'The upload of its report'],
    ] as const) {
      const res = await staff.get(path)
      expect(res.status, path).toBe(200)
      const html = await res.text()
      expect(htmlText(html)).toContain(
        `This call has not taken place yet. ${what} opens on Wednesday, December 2, 2026, the day of the call (it starts at 2:00 pm ET).`,
      )
      expect(html).toContain(`<a href="/calls/${upcoming}">← Back to the call of December 2, 2026</a>`)
      expect(html).not.toContain('enctype="multipart/form-data"')
    }
    // Saving a roll call ahead of its day is still refused.
    expect((await staff.post(`/staff/calls/${upcoming}/roll-call`, {})).status).toBe(400)
  })
})
