import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedMigrations } from '../../src/db/migrate.ts'
import {
  apiOrganizationDetailSchema,
  apiOrganizationSchema,
} from '../../src/features/api/organizations.schemas.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { createTestApp, eventually, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type ApiList = {
  data: { slug: string; name: string; category: string; states: string[]; programs: string[] }[]
}

describe(`the public site on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  const get = (path: string, headers?: Record<string, string>) => t.app.request(path, { headers })
  const list = async (query = '') =>
    ((await (await get(`/api/v1/organizations${query}`)).json()) as ApiList).data

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('shows headline figures on the home page counted from the records', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    const members = (await list('?category=member')).length
    const bffs = (await list('?category=bff')).length
    expect(html).toContain(
      `<span class="value">${members}</span><span class="label">member communities</span>`,
    )
    expect(html).toContain(`<span class="value">${bffs}</span><span class="label">BFFs</span>`)
    expect(html).toContain('4,347')
  })

  it('lists only admitted organisations, and filters by category, state, program and focus', async () => {
    const all = await list()
    expect(all.map((o) => o.slug)).toContain('amp-socal')
    // The two newest DMCSP designees have applied but are not admitted.
    const pending = await database.db.execute(
      sql`select slug from organizations o where not exists (select 1 from admission_events e where e.organization_id = o.id and e.kind = 'admitted')`,
    )
    const pendingSlugs = (pending as unknown as { rows: { slug: string }[] }).rows.map((r) => r.slug)
    expect(pendingSlugs).toHaveLength(2)
    for (const slug of pendingSlugs) expect(all.map((o) => o.slug)).not.toContain(slug)

    const bffs = await list('?category=bff')
    expect(bffs.length).toBe(3)
    expect(bffs.every((o) => o.category === 'bff')).toBe(true)
    const california = await list('?state=CA')
    expect(california.length).toBeGreaterThan(1)
    expect(california.every((o) => o.states.includes('CA'))).toBe(true)
    const dmcsp = await list('?program=DMCSP')
    expect(dmcsp.every((o) => o.programs.includes('DMCSP'))).toBe(true)
    expect(dmcsp.map((o) => o.slug)).toContain('south-kansas')
    const shipbuilding = await list(`?focus=${encodeURIComponent('Shipbuilding')}`)
    expect(shipbuilding.map((o) => o.name)).toContain('Southwest Alabama')
  })

  it('renders the directory filtered, with the matching count and a map', async () => {
    const html = await (await get('/directory?state=CA&category=member')).text()
    const expected = (await list('?state=CA&category=member')).length
    expect(html).toContain(`${expected} organisations match these filters`)
    expect(html).toContain('<option value="CA" selected="">California</option>')
    expect(html).toMatch(/<svg[^>]*class="us-map"/)
    expect(html).toContain('data-slug="amp-socal"')
    expect(html).not.toContain('data-slug="advance-michigan-southeastern-michigan"')
  })

  it("offers the states in the directory's filter by name, not by postal code", async () => {
    const html = await (await get('/directory')).text()
    const select = /<select[^>]*name="state"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? ''
    const names = [...select.matchAll(/<option value="[A-Z]{2}"[^>]*>([^<]+)<\/option>/g)].map(
      (m) => m[1] ?? '',
    )
    expect(names.length).toBeGreaterThan(10)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
    // The demo network's codes sort otherwise: NC before NY, WA and WI before WV.
    expect(names.indexOf('New York')).toBeLessThan(names.indexOf('North Carolina'))
    expect(names.indexOf('West Virginia')).toBeLessThan(names.indexOf('Wisconsin'))
  })

  it('ignores filter values it does not know instead of failing', async () => {
    const res = await get('/directory?state=<script>&category=robots&program=%27;drop')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<script>')
    expect(html).toContain(`${(await list()).length} organisations`)
  })

  it('shows a profile with partners counted from the list, designations and verified outcomes', async () => {
    const res = await get('/organizations/amp-socal')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('1 partner organisation on record.')
    expect(html).toContain('City of Los Angeles')
    expect(html).toContain('May 28, 2014')
    expect(html).toContain('September 27, 2016')
    expect(html).toContain('4,347')
    expect(html).toContain('1,953')
    expect((html.match(/class="map-county"/g) ?? []).length).toBe(10)
  })

  it('answers 404 for an unknown or not yet admitted organisation, as a page and in the API', async () => {
    const page = await get('/organizations/no-such-community')
    expect(page.status).toBe(404)
    expect(await page.text()).toContain('<h1>Page not found</h1>')
    const api = await get('/api/v1/organizations/no-such-community')
    expect(api.status).toBe(404)
    expect(await api.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'No admitted organisation has the id or slug "no-such-community".',
      },
    })
  })

  it('serves the API in the documented shapes, by id or slug', async () => {
    const all = await list()
    for (const org of all) apiOrganizationSchema.parse(org)
    const first = all.find((o) => o.slug === 'amp-socal') as unknown as { id: string }
    const byId = (await (await get(`/api/v1/organizations/${first.id}`)).json()) as { data: unknown }
    const detail = apiOrganizationDetailSchema.parse(byId.data)
    expect(detail.partnerCount).toBe(detail.partners.length)
    expect(detail.outcomes[0]?.figures.find((f) => f.metric === 'jobs_created')?.actual).toBe(4347)
    const bySlug = (await (await get('/api/v1/organizations/amp-socal')).json()) as { data: unknown }
    expect(bySlug).toEqual(byId)
  })

  it('describes the API in an OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      openapi: string
      info: { title: string }
      paths: Record<string, unknown>
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('American Manufacturing Community Collaborative API')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/organizations',
        '/api/v1/organizations/{id}',
        '/api/v1/applications',
        '/api/v1/applications/{id}',
      ]),
    )
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Organization', 'OrganizationDetail', 'Error']),
    )
  })

  it('reports health with the database engine and migrations', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'ok',
      database: { engine: testEngine, reachable: true },
      migrations: { applied: expectedMigrations().length, expected: expectedMigrations().length },
    })
  })

  it('sends security headers, with a policy that allows no inline script', async () => {
    const res = await get('/')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('serves a cached page again until the data changes, then shows the change', async () => {
    await get('/directory?category=bff')
    const second = await get('/directory?category=bff')
    expect(second.headers.get('x-cache')).toBe('hit')
    const etag = second.headers.get('etag') ?? ''
    expect((await get('/directory?category=bff', { 'If-None-Match': etag })).status).toBe(304)

    const before = t.watcher.current() ?? 0
    await database.db.execute(
      sql`update organizations set name = 'Renamed <b>Office</b>' where slug = 'demo-federal-office-of-regional-manufacturing'`,
    )
    await eventually(() => (t.watcher.current() ?? 0) > before)
    const after = await get('/directory?category=bff')
    expect(after.headers.get('x-cache')).toBe('miss')
    const html = await after.text()
    expect(html).toContain('Renamed &lt;b&gt;Office&lt;/b&gt;')
    expect(html).not.toContain('<b>Office</b>')
  })
})
