import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { auditLog, organizationPartners, organizations } from '../../src/db/schema/index.ts'
import { databaseMessage, queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY, testClock } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageHtml } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type ApiEntry = {
  id: string
  at: string
  actor: string
  actorLabel: string
  action: string
  tableName: string | null
  recordId: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  changed: string[] | null
}
type ApiPage = { data: ApiEntry[]; meta: { count: number; newer: string | null; older: string | null } }

/** The page's HTML without the <wbr> that let long ids wrap (they copy as nothing, too). */
// The network's day of the Hub's clock, which stamps the audit log (the test's day, not the machine's).
const networkToday = () => testClock().today()
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe(`the audit log on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let robinId: string
  let danaId: string
  let ampId: string

  const api = async (query: string) => {
    const res = await staff.get(`/api/v1/audit${query}`)
    expect(res.status, query).toBe(200)
    return (await res.json()) as ApiPage
  }
  const setSummary = (actor: `person:${string}`, summary: string) =>
    writeAs(database.db, actor, (tx) =>
      tx.update(organizations).set({ summary }).where(eq(organizations.id, ampId)),
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    robinId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
    danaId = (await personByEmail(database.db, 'staff2@example.org'))?.id ?? ''
    const [amp] = await database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, 'amp-socal'))
    ampId = amp?.id ?? ''
    expect(robinId && danaId && ampId).toBeTruthy()
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('shows staff who changed a record, when, and the changed field before and after', async () => {
    await setSummary(`person:${robinId}`, 'Before value')
    await setSummary(`person:${robinId}`, 'After value')

    const res = await staff.get('/staff/audit')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toContain('no-store')
    const html = await pageHtml(res)
    expect(html).toContain('<h1>Audit log</h1>')
    expect(html).toContain('Update in organizations')
    expect(html).toContain('Robin Castellano (staff@example.org)')
    expect(html).toContain(ampId)
    // The newest entry comes first, with only the changed field in its table.
    const newest = html.slice(html.indexOf('<ol class="org-list"'))
    const firstEntry = newest.slice(0, newest.indexOf('</li>'))
    expect(firstEntry).toContain(
      '<th scope="row"><code>summary</code></th><td><code>Before value</code></td><td><code>After value</code></td>',
    )
    expect(firstEntry).not.toContain('<code>slug</code>')
    const when = firstEntry.match(/<time datetime="([^"]+)">([^<]+)<\/time>/)
    expect(when?.[2]).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [ap]m ET$/)
    // Recorded at the Hub's clock (the test's day), not the machine's.
    expect(Math.abs(Date.parse(when?.[1] ?? '') - testClock().now().getTime())).toBeLessThan(60_000)

    const { data } = await api(`?record=${ampId}&action=update`)
    expect(data[0]).toMatchObject({
      actor: `person:${robinId}`,
      actorLabel: 'Robin Castellano (staff@example.org)',
      tableName: 'organizations',
      recordId: ampId,
      changed: ['summary'],
    })
    expect(data[0]?.before?.summary).toBe('Before value')
    expect(data[0]?.after?.summary).toBe('After value')
  })

  it('shows every field of an inserted record in a details element', async () => {
    const [partner] = await writeAs(database.db, `person:${danaId}`, (tx) =>
      tx
        .insert(organizationPartners)
        .values({ organizationId: ampId, name: 'Partner & Co' })
        .returning({ id: organizationPartners.id }),
    )
    const html = await pageHtml(await staff.get(`/staff/audit?record=${partner?.id}`))
    expect(html).toContain('Insert in organization_partners')
    expect(html).toContain('Dana Whitfield (staff2@example.org)')
    expect(html).toMatch(/<details><summary>The new record \(\d+ fields\)<\/summary>/)
    expect(html).toContain('<th scope="row"><code>name</code></th><td><code>Partner &amp; Co</code></td>')
    expect(html).toContain('Showing 1 entry matching these filters, newest first.')
  })

  it('shows a script typed into an audited field as text, never as markup', async () => {
    await setSummary(`person:${robinId}`, '<b>bold</b> <script>alert(1)</script>')
    const html = await (await staff.get(`/staff/audit?record=${ampId}`)).text()
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>bold')
  })

  it("narrows the list by actor, table, record, action and the network's days", async () => {
    const byDana = await api('?actor=Whitfield')
    expect(byDana.data.length).toBeGreaterThan(0)
    expect(byDana.data.every((e) => e.actor === `person:${danaId}`)).toBe(true)
    const byEmail = await api('?actor=staff%40example.org')
    expect(byEmail.data.length).toBeGreaterThan(0)
    expect(byEmail.data.every((e) => e.actor === `person:${robinId}`)).toBe(true)
    const byActorString = await api(`?actor=${danaId.slice(0, 8)}`)
    expect(byActorString.data.map((e) => e.id)).toEqual(byDana.data.map((e) => e.id))

    const partners = await api('?table=organization_partners')
    expect(partners.data.length).toBeGreaterThan(0)
    expect(partners.data.every((e) => e.tableName === 'organization_partners')).toBe(true)
    const inserts = await api('?action=insert')
    expect(inserts.data.every((e) => e.action === 'insert')).toBe(true)
    const updatesOfAmp = await api(`?action=update&record=${ampId}`)
    expect(updatesOfAmp.data).toHaveLength(3)
    expect(await api('?action=api_call')).toMatchObject({ data: [], meta: { count: 0 } })

    const today = networkToday()
    const all = await api('')
    expect((await api(`?from=${today}&to=${today}`)).data).toHaveLength(all.data.length)
    expect((await api(`?from=${dayAfter(today, 1)}`)).data).toHaveLength(0)
    expect((await api(`?to=${dayAfter(today, -1)}`)).data).toHaveLength(0)

    const html = await (await staff.get('/staff/audit?actor=Whitfield&table=organization_partners')).text()
    expect(html).toContain('value="Whitfield"')
    expect(html).toContain('<option value="organization_partners" selected="">organization_partners</option>')
    expect(html).not.toContain('Robin Castellano (staff@example.org)</dd>')
    const tables = [...html.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1])
    expect(tables).toContain('organizations')
    expect(tables).toContain('people')
  })

  it('keeps typed filters and explains a wrong date next to its field', async () => {
    const res = await staff.get('/staff/audit?actor=Robin&from=2026-02-30&to=yesterday')
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('value="Robin"')
    expect(html).toMatch(
      /id="filter-from"[^>]*aria-invalid="true" aria-describedby="filter-from-error"[^>]*\/?>\s*<p class="error" id="filter-from-error">Enter a date as YYYY-MM-DD, such as 2026-11-26.<\/p>/,
    )
    expect(html).toContain('<p class="error" id="filter-to-error">')
    expect(html).toContain('Correct the filters above to see entries.')

    const reversed = await staff.get('/staff/audit?from=2026-11-26&to=2026-11-01')
    expect(await reversed.text()).toContain('The end date must be on or after the start date.')
    const apiRes = await staff.get('/api/v1/audit?action=drop')
    expect(apiRes.status).toBe(400)
    expect(await apiRes.json()).toMatchObject({ error: { code: 'BAD_INPUT', field: 'action' } })
  })

  it('pages through the log 50 entries at a time with Older and Newer links', async () => {
    const names = Array.from({ length: 62 }, (_, i) => `Paging partner ${i}`)
    await writeAs(database.db, `person:${danaId}`, (tx) =>
      tx.insert(organizationPartners).values(names.map((name) => ({ organizationId: ampId, name }))),
    )
    await writeAs(database.db, `person:${danaId}`, (tx) =>
      tx
        .update(organizationPartners)
        .set({ website: 'https://example.org/' })
        .where(sql`name like 'Paging partner %'`),
    )
    const filter = '?table=organization_partners&action=update'
    const first = await staff.get(`/staff/audit${filter}`)
    const firstHtml = await first.text()
    expect(firstHtml).toContain('Showing 50 entries matching these filters, newest first.')
    expect(firstHtml).not.toContain('Newer entries')
    const older = firstHtml.match(/<a class="button secondary" rel="next" href="([^"]+)">Older entries/)?.[1]
    expect(older).toBeDefined()
    const secondHtml = await (await staff.get((older ?? '').replaceAll('&amp;', '&'))).text()
    expect(secondHtml).toContain('Showing 12 entries matching these filters, newest first.')
    expect(secondHtml).not.toContain('Older entries')
    expect(secondHtml).toContain('Newer entries')

    const page1 = await api(filter)
    expect(page1.data).toHaveLength(50)
    expect(page1.meta.newer).toBeNull()
    const page2 = (await (await staff.get(page1.meta.older ?? '')).json()) as ApiPage
    expect(page2.data).toHaveLength(12)
    expect(page2.meta.older).toBeNull()
    const ids = new Set([...page1.data, ...page2.data].map((e) => e.id))
    expect(ids.size).toBe(62)
    const back = (await (await staff.get(page2.meta.newer ?? '')).json()) as ApiPage
    expect(back.data.map((e) => e.id)).toEqual(page1.data.map((e) => e.id))
    // Newest first across both pages.
    const times = [...page1.data, ...page2.data].map((e) => e.at)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('refuses any change to the audit log in the database, with the trigger’s message', async () => {
    const [before] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log`,
    )
    for (const statement of [
      sql`update audit_log set actor = 'someone else'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      const error = await database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(databaseMessage(error)).toBe('the audit log cannot be changed or deleted')
    }
    await expect(
      writeAs(database.db, `person:${robinId}`, (tx) =>
        tx.delete(auditLog).where(eq(auditLog.actor, 'system')),
      ),
    ).rejects.toThrow()
    const [after] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`)
    expect(after?.n).toBe(before?.n)
  })

  it('offers no way to change the log from the web', async () => {
    const html = await (await staff.get('/staff/audit')).text()
    const postForms = [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]+)"/g)].map((m) => m[1])
    expect(postForms.every((action) => action === '/sign-out')).toBe(true)
    for (const path of ['/staff/audit', '/api/v1/audit']) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await t.app.request(path, {
          method,
          headers: { Cookie: staff.cookieHeader, Origin: TEST_ORIGIN, 'X-CSRF-Token': TEST_CSRF },
        })
        expect(res.status, `${method} ${path}`).toBe(404)
      }
    }
  })

  it('answers 403 to a signed-in member who is not staff, and sends anonymous visitors to sign in', async () => {
    const board = new Session(t.app)
    await signInAs(board, database.db, t.auth, { email: 'board@example.org' })
    const page = await board.get('/staff/audit')
    expect(page.status).toBe(403)
    expect(await page.text()).toContain('Your account does not have access to this page.')
    const json = await board.get('/api/v1/audit')
    expect(json.status).toBe(403)
    expect(await json.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })

    const anonymous = new Session(t.app)
    const redirect = await anonymous.get('/staff/audit?actor=Robin')
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('Location')).toBe(
      `/sign-in?next=${encodeURIComponent('/staff/audit?actor=Robin')}`,
    )
    const apiRes = await anonymous.get('/api/v1/audit')
    expect(apiRes.status).toBe(401)
    expect(await apiRes.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  })
})
