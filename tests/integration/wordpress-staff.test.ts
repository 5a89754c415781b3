import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newsPosts, redirects, sitePages, wordpressImports } from '../../src/db/schema/index.ts'
import { createPerson } from '../support/factories.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'
import {
  MALFORMED_EXPORT,
  menuItemOf,
  pageOf,
  postOf,
  selfHostedExport,
  siteExport,
  wordpressComExport,
} from '../support/wxr-files.ts'

let database: TestDatabase
let t: TestApp
let staff: Session

const count = async (
  table: typeof newsPosts | typeof sitePages | typeof redirects | typeof wordpressImports,
) => (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n

/** What the page's script sends: the file itself, the form token in a header. */
const upload = (session: Session, xml: string, name = 'export.xml') =>
  session.app.request('/staff/wordpress/uploads', {
    method: 'POST',
    body: xml,
    headers: {
      'Content-Type': 'application/xml',
      'X-CSRF-Token': TEST_CSRF,
      'X-File-Name': encodeURIComponent(name),
      Origin: TEST_ORIGIN,
      Cookie: session.cookieHeader,
    },
  })

beforeAll(async () => {
  database = await createTestDatabase()
  t = await createTestApp(database)
  const person = await createPerson(database.db, { role: 'staff' })
  staff = new Session(t.app)
  await signInAs(staff, database.db, t.auth, { email: person.email })
})
afterAll(async () => {
  await t.stop()
  await database.drop()
})

describe(`the WordPress import page on ${testEngine}`, () => {
  it('previews an uploaded export without writing, commits it, lists it and undoes it', async () => {
    const res = await upload(staff, wordpressComExport(), 'amcc-export.xml')
    expect(res.status).toBe(303)
    const location = res.headers.get('Location') ?? ''
    expect(location).toMatch(/^\/staff\/wordpress\/uploads\/[0-9a-f-]{36}$/)
    expect(await count(newsPosts)).toBe(0)
    const preview = await pageText(await staff.get(location))
    expect(preview).toContain('Preview of amcc-export.xml')
    expect(preview).toMatch(/News posts 5 0 0 1/)
    expect(preview).toMatch(/Pages 4 0 0 0/)
    expect(preview).toContain('/about/board/members')
    expect(preview).toContain('Ünïcödé café — 制造业')

    const committed = await staff.post(`${location}/commit`, {})
    expect(committed.status).toBe(303)
    expect(committed.headers.get('Location')).toBe('/staff/wordpress?done=imported')
    expect([await count(newsPosts), await count(sitePages), await count(redirects)]).toEqual([5, 4, 20])
    const list = await pageText(await staff.get('/staff/wordpress?done=imported'))
    expect(list).toContain('amcc-export.xml')
    expect(list).toContain('5 posts and 4 pages new')
    // The upload is gone once committed.
    expect((await staff.get(location)).status).toBe(404)

    const [made] = await database.db.select().from(wordpressImports)
    const undone = await staff.post(`/staff/wordpress/imports/${made?.id}/undo`, {})
    expect(undone.status).toBe(200)
    expect(await pageText(undone)).toContain('Undone: 5 posts, 4 pages and 20 redirects removed.')
    expect([await count(newsPosts), await count(sitePages), await count(redirects)]).toEqual([0, 0, 0])
    const again = await staff.post(`/staff/wordpress/imports/${made?.id}/undo`, {})
    expect(again.status).toBe(409)
  })

  it('keeps what a later import only updated when that import is undone', async () => {
    const file = selfHostedExport()
    const first = await upload(staff, file)
    await staff.post(`${first.headers.get('Location')}/commit`, {})
    const changed = file.replace('<title>How to join</title>', '<title>How to join us</title>')
    const second = await upload(staff, changed)
    expect(await pageText(await staff.get(second.headers.get('Location') ?? ''))).toMatch(/Pages 0 1 2 0/)
    await staff.post(`${second.headers.get('Location')}/commit`, {})
    const [later] = await database.db
      .select()
      .from(wordpressImports)
      .orderBy(sql`imported_at desc, id`)
      .limit(1)
    const imports = await database.db.select().from(wordpressImports).where(sql`undone_at is null`)
    const latest =
      imports.find((i) => (i.summary as { pages: { updated: number } }).pages.updated === 1) ?? later
    const undone = await pageText(await staff.post(`/staff/wordpress/imports/${latest?.id}/undo`, {}))
    expect(undone).toContain(
      'Undone: 0 posts, 0 pages and 0 redirects removed. 1 item it only updated keeps its changes.',
    )
    const body = await database.db.execute(
      sql`select title, body_markdown from site_pages where slug = 'join'`,
    )
    expect(JSON.stringify(body)).toContain('How to join us')
  })

  it('says in the preview how many old addresses are left alone, and why', async () => {
    const site = 'https://skipped.example'
    const file = siteExport(site, [
      postOf(site, 901, 'quokka-skipped'),
      pageOf(site, 902, 'search', 'search'),
      pageOf(site, 903, 'staff', 'staff'),
    ])
    const res = await upload(staff, file, 'skipped.xml')
    const location = res.headers.get('Location') ?? ''
    const preview = await pageText(await staff.get(location))
    // The post's dated permalink and ?p=; the pages' ?p= and ?page_id= (their own paths are the Hub's).
    expect(preview).toContain(
      'Old addresses redirected: 6 new, 0 already there; 2 left as they are (see the warnings).',
    )
    expect(preview).toContain(
      "2 old addresses are the Hub's own (one of its routes or pages) and will not redirect: /search/, /staff/.",
    )
    expect((await staff.post(`${location}/discard`, {})).status).toBeLessThan(400)
    const one = await upload(staff, siteExport(site, [postOf(site, 904, 'quokka-alone')]), 'one.xml')
    const oneLocation = one.headers.get('Location') ?? ''
    expect(await pageText(await staff.get(oneLocation))).toContain(`one.xml from ${site} (WXR 1.2): 1 item,`)
    expect((await staff.post(`${oneLocation}/discard`, {})).status).toBeLessThan(400)
    // A site with a menu: the preview says the navigation follows it.
    const menus = siteExport(site, [
      pageOf(site, 905, 'quokka-in-menu', 'quokka-in-menu'),
      pageOf(site, 906, 'quokka-out-of-menu', 'quokka-out-of-menu'),
      menuItemOf(907, 905, 1),
    ])
    const menuLocation = (await upload(staff, menus, 'menus.xml')).headers.get('Location') ?? ''
    expect(await pageText(await staff.get(menuLocation))).toContain(
      "Navigation: it follows the site's menu “Primary”: 1 top-level page in it, 1 top-level page left out of it (staff can add them).",
    )
    expect((await staff.post(`${menuLocation}/discard`, {})).status).toBeLessThan(400)
  })

  it('refuses a malformed export with its line and column, and a form post, writing nothing', async () => {
    const before = await count(newsPosts)
    const res = await upload(staff, MALFORMED_EXPORT, 'broken.xml')
    expect(res.status).toBe(400)
    expect(await pageText(res)).toContain(
      'broken.xml: The file is not well-formed XML: unexpected close tag (line 4, column 30). Nothing was written.',
    )
    const form = await staff.post('/staff/wordpress/uploads', { export: 'x' })
    expect(form.status).toBe(400)
    expect(await count(newsPosts)).toBe(before)
  })

  it('previews an upload whose file name is not percent-encoded under the name as it came', async () => {
    const res = await staff.app.request('/staff/wordpress/uploads', {
      method: 'POST',
      body: wordpressComExport(),
      headers: {
        'Content-Type': 'application/xml',
        'X-CSRF-Token': TEST_CSRF,
        'X-File-Name': '%E0%A4%A',
        Origin: TEST_ORIGIN,
        Cookie: staff.cookieHeader,
      },
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('Location') ?? ''
    expect(await pageText(await staff.get(location))).toContain('Preview of %E0%A4%A')
    expect((await staff.post(`${location}/discard`, {})).status).toBeLessThan(400)
  })

  it('is for staff only', async () => {
    const visitor = new Session(t.app)
    expect((await visitor.get('/staff/wordpress')).status).toBe(303)
    const res = await upload(visitor, wordpressComExport())
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toMatch(/^\/sign-in/)
  })
})
