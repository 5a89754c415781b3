import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'

describe(`editing an organisation's region on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let representative: Session
  let representativeId: string

  const regionOf = async (slug: string) =>
    (
      await queryRows<{ states: string[]; counties: string[] }>(
        database.db,
        sql`select states, counties from organizations where slug = ${slug}`,
      )
    )[0]

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    const [rep] = await queryRows<{ id: string; email: string }>(
      database.db,
      sql`select p.id, p.email from seats s join people p on p.id = s.person_id join organizations o on o.id = s.organization_id
        where o.slug = ${ORG_A} and s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    representativeId = rep?.id ?? ''
    representative = new Session(t.app)
    await signInAs(representative, database.db, t.auth, { email: rep?.email ?? '' })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows the counties of the chosen states by name, ticked as on record', async () => {
    const res = await representative.get(`/organizations/${ORG_A}/region`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<label for="state-CA">California</label>')
    expect(html).toMatch(/id="county-06037"[^>]*checked/)
    expect(html).toContain('Los Angeles')
  })

  it('saves states and counties by FIPS, drops counties of states no longer chosen, and the profile follows', async () => {
    const res = await representative.post(`/organizations/${ORG_A}/region`, {
      states: 'CA',
      counties: '06037',
    })
    expect(res.status).toBe(303)
    expect(await regionOf(ORG_A)).toEqual({ states: ['CA'], counties: ['06037'] })
    const profile = await (await t.app.request(`/organizations/${ORG_A}`)).text()
    expect((profile.match(/class="map-county"/g) ?? []).length).toBe(1)
    expect(profile).toContain('Los Angeles, CA')

    // Adding Nevada with a Nevada county, then dropping California, keeps only Nevada's county.
    const body = new URLSearchParams([
      ['_csrf', 'test-csrf-token-0123456789abcdef'],
      ['states', 'NV'],
      ['counties', '06037'],
      ['counties', '32003'],
    ])
    await t.app.request(`/organizations/${ORG_A}/region`, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost:3000',
        Cookie: representative.cookieHeader,
      },
    })
    expect(await regionOf(ORG_A)).toEqual({ states: ['NV'], counties: ['32003'] })
    const [audit] = await queryRows<{ actor: string; changed: string[] }>(
      database.db,
      sql`select actor, changed from audit_log where table_name = 'organizations' and action = 'update'
        order by at desc limit 1`,
    )
    expect(audit?.actor).toBe(`person:${representativeId}`)
    expect(audit?.changed).toEqual(expect.arrayContaining(['counties', 'states']))
  })

  it('refuses codes that are not on the lists, says what was expected and saves nothing', async () => {
    const before = await regionOf(ORG_A)
    const res = await representative.post(`/organizations/${ORG_A}/region`, {
      states: 'XX',
      counties: '99999',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Choose the states from the list.')
    expect(html).toContain('Choose the counties from the lists.')
    expect(await regionOf(ORG_A)).toEqual(before)
  })

  it("refuses another organisation's region to the representative, and changes nothing", async () => {
    const before = await regionOf(ORG_B)
    expect((await representative.get(`/organizations/${ORG_B}/region`)).status).toBe(403)
    const res = await representative.post(`/organizations/${ORG_B}/region`, { states: 'CA', counties: '' })
    expect(res.status).toBe(403)
    expect(await regionOf(ORG_B)).toEqual(before)
  })
})
