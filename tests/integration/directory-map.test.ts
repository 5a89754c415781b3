import { createRequire } from 'node:module'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '#src/db/actor.ts'
import { organizations } from '#src/db/schema/index.ts'
import { createOrganization, seatHolder, type TestOrganization } from '../support/factories.ts'
import { signInCookies } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const require = createRequire(import.meta.url)
const atlas = require('us-atlas/counties-albers-10m.json') as {
  objects: { counties: { geometries: { id: string }[] } }
}
const allCounties = atlas.objects.counties.geometries.map((g) => String(g.id)).sort()

const socal = ['06037', '06059', '06065', '06071', '06111']
const losAngeles = ['06037']

describe(`the directory map on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let inner: TestOrganization
  const get = (path: string, headers?: Record<string, string>) => t.app.request(path, { headers })

  async function community(name: string, states: string[], counties: string[]): Promise<TestOrganization> {
    const org = await createOrganization(database.db, { name, states })
    await writeAs(database.db, 'system', (tx) =>
      tx.update(organizations).set({ counties }).where(eq(organizations.id, org.id)),
    )
    return org
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    // A network twice the demo's: 50 communities of 6 counties each, spread over the country.
    for (let i = 0; i < 50; i++) {
      const counties = allCounties.slice(i * 60, i * 60 + 6)
      await community(`Filler ${String(i).padStart(2, '0')}`, ['OH'], counties)
    }
    await community('Golden State Alliance', ['CA'], [])
    await community('California Makers', ['CA'], [])
    await community('SoCal Manufacturing', ['CA'], socal)
    inner = await community('Los Angeles Makers', ['CA'], losAngeles)
    t = await createTestApp(database)
  }, 120_000)
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('keeps the directory page under 60 KB by referencing the shapes, not inlining them', async () => {
    const res = await get('/directory')
    const html = await res.text()
    expect(Buffer.byteLength(html)).toBeLessThan(60_000)
    expect(html).not.toMatch(/ d="M[^"]{200}/)
    const asset = /href="(\/map\/shapes-[\w-]+\.svg)#land"/.exec(html)?.[1]
    expect(asset).toBeDefined()
  })

  it('serves the shapes at a hashed address, kept a year, with an ETag and a 304', async () => {
    const html = await (await get('/directory?state=CA')).text()
    const asset = /href="(\/map\/shapes-[\w-]+\.svg)#/.exec(html)?.[1] as string
    const res = await get(asset)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('image/svg+xml')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const body = await res.text()
    for (const id of ['land', 'borders', 'c06037', 's06']) expect(body).toContain(`id="${id}"`)
    const etag = res.headers.get('etag') as string
    expect((await get(asset, { 'If-None-Match': etag })).status).toBe(304)
    // An address from before a change gets today's shapes, but is not kept for good.
    const stale = await get('/map/shapes-AAAAAAAAAAAAAAAA.svg')
    expect(stale.status).toBe(200)
    expect(stale.headers.get('cache-control')).toBe('no-cache')
  })

  it('draws smaller regions above larger ones and lists every organisation of a shared place', async () => {
    const html = await (await get('/directory?state=CA')).text()
    const at = (name: string) => html.indexOf(`<title>${name}`)
    // Whole states first, then the five counties, then the one county inside them.
    expect(at('California Makers')).toBeLessThan(at('SoCal Manufacturing'))
    expect(at('Golden State Alliance')).toBeLessThan(at('SoCal Manufacturing'))
    expect(at('SoCal Manufacturing')).toBeLessThan(at('Los Angeles Makers'))
    // California is shared by the two state-wide alliances; Los Angeles County by all four.
    const item = (id: string) =>
      new RegExp(`<li id="directory-map-${id}"[^>]*>(.*?)</li>`).exec(html)?.[1] ?? ''
    expect(html).toContain('href="#directory-map-s06"')
    expect(item('s06')).toContain('California Makers')
    expect(item('s06')).toContain('Golden State Alliance')
    const la = item('c06037')
    for (const name of [
      'California Makers',
      'Golden State Alliance',
      'Los Angeles Makers',
      'SoCal Manufacturing',
    ])
      expect(la).toContain(name)
    // Orange County: the two alliances and SoCal, not the Los Angeles community.
    expect(item('c06059')).toContain('SoCal Manufacturing')
    expect(item('c06059')).not.toContain('Los Angeles Makers')
  })

  it('shows the internal "incomplete" badge to the organisation and staff, never to the public', async () => {
    const publicHtml = await (await get('/directory')).text()
    expect(publicHtml).not.toContain('Incomplete')
    const rep = await seatHolder(database.db, inner, 'representative')
    const cookies = await signInCookies(database.db, t.auth, { email: rep.email })
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const own = await (await get('/directory?state=CA', { cookie })).text()
    // The heading of an organisation in the list (not its name in the map's list of places).
    const heading = (name: string) => {
      const list = own.slice(own.indexOf('class="org-list"'))
      const at = list.indexOf(`>${name}</a>`)
      return list.slice(at, list.indexOf('</h3>', at))
    }
    expect(heading('Los Angeles Makers')).toContain('Incomplete')
    expect(heading('SoCal Manufacturing')).not.toContain('Incomplete')
  })
})
