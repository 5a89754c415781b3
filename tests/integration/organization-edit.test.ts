import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type ApiDetail = {
  data: {
    summary: string | null
    website: string | null
    focusIndustries: string[]
    partnerCount: number
    partners: { name: string; website: string | null }[]
  }
}
type ApiList = { data: { slug: string; partnerCount: number }[] }

/** What JSX makes of text: the escaped form a page carries. */
const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

describe(`editing an organisation's profile on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let orgA: TestOrganization
  let orgB: TestOrganization
  let representative: Session
  let alternate: Session
  let staff: Session
  let staffPerson: TestPerson
  let board: Session
  let repA: TestPerson

  /** The organisation's row and its partner list, to compare before and after. */
  async function snapshot(slug: string) {
    const [org] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from organizations where slug = ${slug}`,
    )
    const partners = await queryRows<{ name: string; website: string | null; position: number }>(
      database.db,
      sql`select p.name, p.website, p.position from organization_partners p
        join organizations o on o.id = p.organization_id where o.slug = ${slug} order by p.position, p.name`,
    )
    return { org, partners }
  }

  const anonymousGet = (path: string) => t.app.request(path)
  const api = async <T>(path: string): Promise<T> => {
    const res = await anonymousGet(path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as T
  }
  const form = (fields: Partial<Record<'summary' | 'website' | 'focusIndustries' | 'partners', string>>) => ({
    summary: '',
    website: '',
    focusIndustries: '',
    partners: '',
    ...fields,
  })

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const db = database.db
    orgA = await createOrganization(db, {
      name: 'Advanced Manufacturing Partnership for Southern California',
      focusIndustries: ['Aerospace and defense'],
    })
    orgB = await createOrganization(db)
    // Both organisations have their seats held; orgB's holders are not the ones editing it here.
    repA = await seatHolder(db, orgA, 'representative')
    const altA = await seatHolder(db, orgA, 'alternate')
    await seatHolder(db, orgB, 'representative')
    await seatHolder(db, orgB, 'alternate')
    staffPerson = await createPerson(db, { role: 'staff' })
    const boardMember = await createPerson(db, { role: 'board' })
    const signIn = async (person: TestPerson) => {
      const session = new Session(t.app)
      await signInAs(session, db, t.auth, { email: person.email })
      return session
    }
    representative = await signIn(repA)
    alternate = await signIn(altA)
    staff = await signIn(staffPerson)
    board = await signIn(boardMember)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it("lets AMP SoCal's representative open their profile form with today's values and the form token", async () => {
    const res = await representative.get(`/organizations/${orgA.slug}/edit`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const html = await res.text()
    expect(html).toContain('Edit the profile of Advanced Manufacturing Partnership for Southern California')
    expect(html).toContain(`<input type="hidden" name="_csrf" value="${TEST_CSRF}"/>`)
    expect(html).toMatch(/<label for="field-summary">Summary<\/label>/)
    expect(html).toMatch(/<textarea id="field-focusIndustries"[^>]*>Aerospace and defense<\/textarea>/)
    expect(html).toContain(`action="/organizations/${orgA.slug}/edit"`)
  })

  it('gives a browser on its first form the token of the cookie it keeps, so that saving works', async () => {
    const fresh = new Session(t.app)
    fresh.cookies.delete('hub_csrf')
    await signInAs(fresh, database.db, t.auth, { email: repA.email })
    const res = await t.app.request(`/organizations/${orgA.slug}/edit`, {
      headers: { Cookie: fresh.cookieHeader },
    })
    expect(res.status).toBe(200)
    // A browser keeps the last of several cookies of one name.
    const kept = res.headers
      .getSetCookie()
      .filter((line) => line.startsWith('hub_csrf='))
      .map((line) => line.slice('hub_csrf='.length).split(';')[0])
      .at(-1)
    const html = await res.text()
    const formToken = html.match(
      new RegExp(
        `<form method="post" action="/organizations/${orgA.slug}/edit"[^>]*><input type="hidden" name="_csrf" value="([^"]+)"`,
      ),
    )?.[1]
    expect(kept).toBeTruthy()
    expect(formToken).toBe(kept)
  })

  it('saves the representative’s changes, and the public profile and the API show them at once', async () => {
    // Warm the anonymous page cache first: the save must not leave a stale copy behind.
    const before = await anonymousGet(`/organizations/${orgA.slug}`)
    expect(before.status).toBe(200)
    expect((await anonymousGet(`/organizations/${orgA.slug}`)).headers.get('x-cache')).toBe('hit')
    await api<ApiDetail>(`/api/v1/organizations/${orgA.slug}`)

    const summary =
      'Southern California’s aerospace & space suppliers, working with the ports on "green" freight.'
    const res = await representative.post(
      `/organizations/${orgA.slug}/edit`,
      form({
        summary,
        website: 'https://amp-socal.example.org',
        focusIndustries: 'Aerospace and defense\r\nSpace launch\r\nMaritime',
        partners: 'Port of Long Beach\r\nCal State LA\r\nSoCal Edison',
      }),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/organizations/${orgA.slug}`)

    const page = await anonymousGet(`/organizations/${orgA.slug}`)
    expect(page.headers.get('x-cache')).toBe('miss')
    const html = await page.text()
    expect(html).toContain(`<p class="lede">${escapeHtml(summary)}</p>`)
    expect(html).toContain('<dd>Aerospace and defense; Space launch; Maritime</dd>')
    expect(html).toContain('href="https://amp-socal.example.org"')
    expect(html).toContain('3 partner organisations on record.')
    expect(html).toMatch(/<li>Port of Long Beach<\/li><li>Cal State LA<\/li><li>SoCal Edison<\/li>/)

    const { data } = await api<ApiDetail>(`/api/v1/organizations/${orgA.slug}`)
    expect(data.summary).toBe(summary)
    expect(data.website).toBe('https://amp-socal.example.org')
    expect(data.focusIndustries).toEqual(['Aerospace and defense', 'Space launch', 'Maritime'])
    expect(data.partners.map((p) => p.name)).toEqual(['Port of Long Beach', 'Cal State LA', 'SoCal Edison'])
    expect(data.partnerCount).toBe(3)
  })

  it('offers the edit link on a profile only to those who may edit it', async () => {
    const link = `href="/organizations/${orgA.slug}/edit"`
    expect(await (await representative.get(`/organizations/${orgA.slug}`)).text()).toContain(link)
    expect(await (await staff.get(`/organizations/${orgB.slug}`)).text()).toContain(
      `href="/organizations/${orgB.slug}/edit"`,
    )
    expect(await (await anonymousGet(`/organizations/${orgA.slug}`)).text()).not.toContain(link)
    // Staff also get the way to the seats, from any profile.
    expect(await (await staff.get(`/organizations/${orgB.slug}`)).text()).toContain(
      `href="/organizations/${orgB.slug}/seats"`,
    )
    expect(await (await anonymousGet(`/organizations/${orgB.slug}`)).text()).not.toContain('/seats"')
    expect(await (await board.get(`/organizations/${orgA.slug}`)).text()).not.toContain(link)
    expect(await (await representative.get(`/organizations/${orgB.slug}`)).text()).not.toContain('/edit"')
    const account = await (await representative.get('/account')).text()
    expect(account).toContain(link)
    expect(account).toContain(`href="/organizations/${orgA.slug}/seats"`)
    // The alternate may edit the profile but not manage the seats.
    const alternateAccount = await (await alternate.get('/account')).text()
    expect(alternateAccount).toContain(link)
    expect(alternateAccount).not.toContain(`href="/organizations/${orgA.slug}/seats"`)
  })

  it('derives the partner count from the list wherever it is shown', async () => {
    const count = async () => {
      const list = await api<ApiList>('/api/v1/organizations')
      const detail = await api<ApiDetail>(`/api/v1/organizations/${orgA.slug}`)
      const html = await (await anonymousGet(`/organizations/${orgA.slug}`)).text()
      const shown = html.match(/(\d+) partner organisations? on record\./)?.[1]
      return {
        list: list.data.find((o) => o.slug === orgA.slug)?.partnerCount,
        detail: detail.data.partnerCount,
        listed: detail.data.partners.length,
        profile: Number(shown),
      }
    }
    const five = ['Alpha Works', 'Beta Labs', 'Gamma Foundry', 'Delta Tooling', 'Epsilon Coatings']
    // A repeated line counts once.
    let res = await representative.post(
      `/organizations/${orgA.slug}/edit`,
      form({ partners: [...five, 'Beta Labs', ''].join('\n') }),
    )
    expect(res.status).toBe(303)
    expect(await count()).toEqual({ list: 5, detail: 5, listed: 5, profile: 5 })

    res = await representative.post(`/organizations/${orgA.slug}/edit`, form({ partners: 'Alpha Works' }))
    expect(res.status).toBe(303)
    expect(await count()).toEqual({ list: 1, detail: 1, listed: 1, profile: 1 })
    const html = await (await anonymousGet(`/organizations/${orgA.slug}`)).text()
    expect(html).toContain('1 partner organisation on record.')
  })

  it('keeps the website on record for a partner that stays on the list', async () => {
    await database.db.execute(
      sql`update organization_partners set website = 'https://alpha.example.org' where name = 'Alpha Works'`,
    )
    const res = await representative.post(
      `/organizations/${orgA.slug}/edit`,
      form({ partners: 'New Partner\nAlpha Works' }),
    )
    expect(res.status).toBe(303)
    const { partners } = await snapshot(orgA.slug)
    expect(partners).toEqual([
      { name: 'New Partner', website: null, position: 0 },
      { name: 'Alpha Works', website: 'https://alpha.example.org', position: 1 },
    ])
  })

  it("lets AMP SoCal's alternate edit the same profile", async () => {
    expect((await alternate.get(`/organizations/${orgA.slug}/edit`)).status).toBe(200)
    const res = await alternate.post(
      `/organizations/${orgA.slug}/edit`,
      form({ summary: 'Edited by the alternate.', partners: 'Alpha Works' }),
    )
    expect(res.status).toBe(303)
    expect((await snapshot(orgA.slug)).org?.summary).toBe('Edited by the alternate.')
  })

  it("refuses AMP SoCal's representative another organisation's form, and changes nothing when they post to it", async () => {
    const page = await representative.get(`/organizations/${orgB.slug}/edit`)
    expect(page.status).toBe(403)
    const html = await page.text()
    expect(html).toContain('Not allowed')
    expect(html).not.toContain('<form method="post" action="/organizations/')

    const before = await snapshot(orgB.slug)
    const res = await representative.post(
      `/organizations/${orgB.slug}/edit`,
      form({ summary: 'Hijacked', website: 'https://evil.example', partners: 'Evil Corp' }),
    )
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('Only staff and the representative or alternate')
    expect(await snapshot(orgB.slug)).toEqual(before)
  })

  it('refuses an Advisory Board member without a seat at the door, and changes nothing', async () => {
    expect((await board.get(`/organizations/${orgA.slug}/edit`)).status).toBe(403)
    const before = await snapshot(orgA.slug)
    const res = await board.post(`/organizations/${orgA.slug}/edit`, form({ summary: 'Board was here' }))
    expect(res.status).toBe(403)
    expect(await snapshot(orgA.slug)).toEqual(before)
  })

  it('lets staff edit any organisation', async () => {
    expect((await staff.get(`/organizations/${orgB.slug}/edit`)).status).toBe(200)
    const res = await staff.post(
      `/organizations/${orgB.slug}/edit`,
      form({ summary: 'Updated by the network coordinator.', focusIndustries: 'Aviation\nAgriculture' }),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/organizations/${orgB.slug}`)
    const { data } = await api<ApiDetail>(`/api/v1/organizations/${orgB.slug}`)
    expect(data.summary).toBe('Updated by the network coordinator.')
    expect(data.focusIndustries).toEqual(['Aviation', 'Agriculture'])
    expect(data.partnerCount).toBe(0)
  })

  it('sends an anonymous visitor to sign in, and an anonymous post changes nothing', async () => {
    const res = await anonymousGet(`/organizations/${orgA.slug}/edit`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent(`/organizations/${orgA.slug}/edit`)}`,
    )

    const before = await snapshot(orgA.slug)
    const post = await new Session(t.app).post(
      `/organizations/${orgA.slug}/edit`,
      form({ summary: 'Anonymous' }),
    )
    expect(post.status).toBe(303)
    expect(post.headers.get('location')).toMatch(/^\/sign-in\?next=/)
    expect(await snapshot(orgA.slug)).toEqual(before)
  })

  it('answers 404 for an organisation that does not exist', async () => {
    const res = await staff.get('/organizations/no-such-community/edit')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('No organisation has this address.')
  })

  it('shows what was expected next to each wrong field, keeps what was typed, and saves nothing', async () => {
    const before = await snapshot(orgA.slug)
    const typed = form({
      summary: `Too long ${'x'.repeat(2000)}`,
      website: 'amp-socal dot org',
      focusIndustries: Array.from({ length: 11 }, (_, i) => `Focus ${i + 1}`).join('\n'),
      partners: 'Kept Partner <b>bold</b>',
    })
    const res = await representative.post(`/organizations/${orgA.slug}/edit`, typed)
    expect(res.status).toBe(400)
    const html = await res.text()
    const errorOf = (field: string) =>
      html.match(new RegExp(`<p class="error" id="field-${field}-error">([^<]*)</p>`))?.[1]
    expect(errorOf('summary')).toBe('Write at most 2,000 characters (this summary has 2,009).')
    expect(errorOf('website')).toBe(
      'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
    )
    expect(errorOf('focusIndustries')).toBe(
      'List at most 10 focus industries, one a line (this list has 11).',
    )
    expect(errorOf('partners')).toBeUndefined()
    // The message sits next to its field, which points at it for screen readers.
    expect(html).toMatch(
      /<label for="field-website">Website<\/label><input id="field-website"[^>]*aria-invalid="true"[^>]*aria-describedby="field-website-error field-website-hint"[^>]*\/><p class="error" id="field-website-error">[^<]*<\/p>/,
    )
    expect(html).toContain('value="amp-socal dot org"')
    expect(html).toContain(`Focus 1\nFocus 2`)
    expect(html).toContain('Kept Partner &lt;b&gt;bold&lt;/b&gt;</textarea>')
    expect(html).toContain('The profile was not saved: 3 fields need a change.')
    expect(await snapshot(orgA.slug)).toEqual(before)
  })

  it('records who changed what in the audit log, with the values before and after', async () => {
    const res = await representative.post(
      `/organizations/${orgA.slug}/edit`,
      form({ summary: 'Audited summary', website: 'https://audited.example.org', partners: 'Alpha Works' }),
    )
    expect(res.status).toBe(303)
    const rows = await queryRows<{
      actor: string
      action: string
      changed: string[]
      before: { summary: string | null }
      after: { summary: string | null; website: string | null }
    }>(
      database.db,
      sql`select a.actor, a.action, a.changed, a.before, a.after from audit_log a
        join organizations o on a.record_id = o.id::text
        where a.table_name = 'organizations' and o.slug = ${orgA.slug} order by a.at desc limit 1`,
    )
    expect(rows[0]).toMatchObject({
      actor: `person:${repA.id}`,
      action: 'update',
      before: { summary: 'Edited by the alternate.' },
      after: { summary: 'Audited summary', website: 'https://audited.example.org' },
    })
    expect(rows[0]?.changed).toEqual(expect.arrayContaining(['summary', 'updated_at', 'website']))
    expect(rows[0]?.changed).not.toContain('name')

    const staffRows = await queryRows<{ actor: string; table_name: string; action: string }>(
      database.db,
      sql`select a.actor, a.table_name, a.action from audit_log a
        where a.actor = ${`person:${staffPerson.id}`} and a.table_name in ('organizations', 'organization_partners')`,
    )
    expect(staffRows).toEqual([
      { actor: `person:${staffPerson.id}`, table_name: 'organizations', action: 'update' },
    ])
  })

  it('writes nothing when the form is saved unchanged', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from audit_log where table_name like 'organization%'`,
        )
      )[0]?.n
    const before = await count()
    const current = await snapshot(orgA.slug)
    const res = await representative.post(
      `/organizations/${orgA.slug}/edit`,
      form({
        summary: String(current.org?.summary ?? ''),
        website: String(current.org?.website ?? ''),
        focusIndustries: ((current.org?.focus_industries ?? []) as string[]).join('\n'),
        partners: current.partners.map((p) => p.name).join('\n'),
      }),
    )
    expect(res.status).toBe(303)
    expect(await count()).toBe(before)
  })
})
