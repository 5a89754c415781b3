import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { reservedSegments } from '../../src/lib/reserved-paths.ts'
import { createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { htmlText, pageText } from '../support/page-text.ts'
import { createSitePage } from '../support/pages-factories.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

describe(`pages staff write and visitors read on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let member: Session
  const visitor = () => new Session(t.app)

  const page = (fields: Record<string, string>) => ({
    slug: '',
    parentId: '',
    summary: '',
    bodyMarkdown: '',
    status: 'published',
    visibility: 'public',
    showInNav: 'yes',
    navOrder: '10',
    publishDate: '',
    publishTime: '',
    note: '',
    action: 'save',
    ...fields,
  })
  const idFrom = (res: Response) =>
    (res.headers.get('location') ?? '').match(/\/staff\/pages\/([0-9a-f-]{36})/)?.[1] as string
  const navOf = (html: string) => htmlText(html.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? '')

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, {
      email: (await createPerson(database.db, { role: 'staff' })).email,
    })
    const org = await createOrganization(database.db)
    member = new Session(t.app)
    await signInAs(member, database.db, t.auth, {
      email: (await seatHolder(database.db, org, 'representative')).email,
    })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('creates a page with a slug from its title, shows it at its address and in the navigation', async () => {
    const res = await staff.post(
      '/staff/pages/new',
      page({ title: 'Mission and Purpose', bodyMarkdown: '## Why\n\nWe share.' }),
    )
    expect(res.status).toBe(303)
    const shown = await visitor().get('/mission-and-purpose')
    expect(shown.status).toBe(200)
    const html = await shown.text()
    expect(html).toContain('<h2>Why</h2>')
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/mission-and-purpose"/>')
    expect(html).toMatch(/<a href="\/mission-and-purpose" aria-current="page">Mission and Purpose<\/a>/)
    expect(shown.headers.get('x-cache')).toBe('miss')
    expect((await visitor().get('/mission-and-purpose')).headers.get('x-cache')).toBe('hit')
  })

  it('keeps the slug when the title changes; a new slug or parent redirects every old address', async () => {
    const about = idFrom(await staff.post('/staff/pages/new', page({ title: 'About' })))
    const board = idFrom(
      await staff.post('/staff/pages/new', page({ title: 'Advisory Board', parentId: about })),
    )
    await staff.post(
      '/staff/pages/new',
      page({ title: 'Members of the board', slug: 'members', parentId: board }),
    )
    expect((await visitor().get('/about/advisory-board/members')).status).toBe(200)

    await staff.post(`/staff/pages/${board}`, page({ title: 'The Advisory Board', parentId: about }))
    expect((await visitor().get('/about/advisory-board')).status).toBe(200)

    await staff.post(
      `/staff/pages/${board}`,
      page({ title: 'The Advisory Board', slug: 'board', parentId: about }),
    )
    const moved = await visitor().get('/about/advisory-board/members')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('/about/board/members')

    await staff.post(
      `/staff/pages/${board}`,
      page({ title: 'The Advisory Board', slug: 'advisory-board', parentId: '' }),
    )
    expect((await visitor().get('/about/advisory-board')).headers.get('location')).toBe('/advisory-board')
    expect((await visitor().get('/about/board/members')).headers.get('location')).toBe(
      '/advisory-board/members',
    )
    expect((await visitor().get('/advisory-board/members')).status).toBe(200)
  })

  it('refuses an address the Hub already answers, and a page under itself', async () => {
    const res = await staff.post('/staff/pages/new', page({ title: 'News', slug: 'news' }))
    expect(res.status).toBe(409)
    expect(await pageText(res)).toContain('“/news” is an address the Hub already answers')
    const derived = await staff.post('/staff/pages/new', page({ title: 'Directory' }))
    expect(derived.status).toBe(409)
  })

  it('reserves the first segment of every route the app declares', () => {
    const firsts = new Set(
      t.app.routes
        .map((r) => r.path.split('/')[1] ?? '')
        .filter((s) => s !== '' && s !== '*' && !s.startsWith(':')),
    )
    const missing = [...firsts].filter((s) => !reservedSegments.has(s))
    expect(missing).toEqual([])
  })

  it('keeps every save as a revision, compares two with labelled lines and restores one', async () => {
    const id = idFrom(
      await staff.post(
        '/staff/pages/new',
        page({ title: 'History', bodyMarkdown: 'Founded in 2014.\nFirst line stays.' }),
      ),
    )
    await staff.post(
      `/staff/pages/${id}`,
      page({
        title: 'History',
        bodyMarkdown: 'Founded in 2015.\nFirst line stays.',
        note: 'Corrected the year',
      }),
    )
    const list = await pageText(await staff.get(`/staff/pages/${id}/revisions`))
    expect(list).toContain('Corrected the year')
    const compare = await staff.get(`/staff/pages/${id}/compare?from=1&to=2`)
    const html = await compare.text()
    expect(html).toMatch(
      /<span class="diff-label">Removed<\/span><del class="diff-text">Founded in 2014.<\/del>/,
    )
    expect(html).toMatch(
      /<span class="diff-label">Added<\/span><ins class="diff-text">Founded in 2015.<\/ins>/,
    )
    expect(htmlText(html)).toContain('1 line added and 1 line removed')

    expect((await staff.post(`/staff/pages/${id}/revisions/1/restore`, {})).status).toBe(303)
    expect(await pageText(await visitor().get('/history'))).toContain('Founded in 2014.')
    const after = await pageText(await staff.get(`/staff/pages/${id}/revisions`))
    expect(after).toContain('Restored revision 1')
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from page_revisions where page_id = ${id}`,
    )
    expect(count?.n).toBe(3)
  })

  it('keeps the form token out of the compare form’s address, and restores through a form that carries it', async () => {
    const id = idFrom(
      await staff.post('/staff/pages/new', page({ title: 'Token check', bodyMarkdown: 'One.' })),
    )
    await staff.post(
      `/staff/pages/${id}`,
      page({ title: 'Token check', bodyMarkdown: 'Two.', note: 'Second' }),
    )
    const html = await (await staff.get(`/staff/pages/${id}/revisions`)).text()
    const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? []
    const compare = forms.find((f) => f.includes(`action="/staff/pages/${id}/compare"`)) ?? ''
    expect(compare).toContain('method="get"')
    expect(compare).not.toContain('_csrf')
    // Each radio names the compare form, so choosing two still sends from and to.
    expect(html.match(/<input type="radio" form="compare-revisions" name="(from|to)"/g)).toHaveLength(4)
    const restore = forms.find((f) => f.includes(`action="/staff/pages/${id}/revisions/1/restore"`)) ?? ''
    expect(restore).toContain('method="post"')
    expect(restore).toContain('name="_csrf"')
    expect((await staff.post(`/staff/pages/${id}/revisions/1/restore`, {})).status).toBe(303)
    expect(await pageText(await visitor().get('/token-check'))).toContain('One.')
  })

  it('shows a scheduled page from its time in the network’s zone, not before', async () => {
    const tomorrow = addDays(DEMO_TODAY, 1)
    await staff.post(
      '/staff/pages/new',
      page({ title: 'How to join', status: 'scheduled', publishDate: tomorrow, publishTime: '09:00' }),
    )
    const [row] = await queryRows<{ at: string }>(
      database.db,
      sql`select publish_at::text as at from site_pages where slug = 'how-to-join'`,
    )
    expect(new Date(row?.at as string).toISOString()).toBe(`${tomorrow}T14:00:00.000Z`)
    expect((await visitor().get('/how-to-join')).status).toBe(404)
    expect(navOf(await (await visitor().get('/')).text())).not.toContain('How to join')
    const later = await createTestApp(database, { today: addDays(DEMO_TODAY, 2) })
    try {
      expect((await later.app.request('/how-to-join')).status).toBe(200)
      expect(navOf(await (await later.app.request('/')).text())).toContain('How to join')
    } finally {
      await later.stop()
    }
  })

  it('never shows a members-only page, or a page under it, to a visitor', async () => {
    const secret = await createSitePage(database.db, {
      title: 'Members corner',
      slug: 'members-corner',
      visibility: 'members',
    })
    await createSitePage(database.db, { title: 'Inner room', slug: 'inner-room', parentId: secret.id })
    t.pages.clear()
    expect((await visitor().get('/members-corner')).status).toBe(404)
    expect((await visitor().get('/members-corner/inner-room')).status).toBe(404)
    const home = await (await visitor().get('/')).text()
    expect(home).not.toContain('Members corner')
    const seen = await member.get('/members-corner')
    expect(seen.status).toBe(200)
    expect(await pageText(seen)).toContain('Inner room')
    expect(navOf(await (await member.get('/')).text())).toContain('Members corner')
    expect((await visitor().get('/members-corner')).status).toBe(404)
  })

  it('never lets script, event handlers or javascript: links through, in the page or the preview', async () => {
    const hostile =
      'Hello <script>alert(1)</script>\n\n<img src="https://example.org/x.png" onerror="alert(2)">\n\n[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>'
    await staff.post('/staff/pages/new', page({ title: 'Hostile', bodyMarkdown: hostile }))
    const html = await (await visitor().get('/hostile')).text()
    const body = html.slice(html.indexOf('<main'))
    expect(body).not.toMatch(/<script|onerror|javascript:/i)
    const preview = await staff.post('/staff/pages/preview', { bodyMarkdown: hostile })
    const answer = (await preview.json()) as { html: string }
    expect(answer.html).toContain('Hello')
    expect(answer.html).not.toMatch(/<script|onerror|javascript:/i)
    const button = await staff.post(
      '/staff/pages/new',
      page({ title: 'Not saved', bodyMarkdown: hostile, action: 'preview' }),
    )
    const buttonHtml = await button.text()
    expect(buttonHtml).toContain('class="page-preview-html"')
    expect(buttonHtml.slice(buttonHtml.indexOf('page-preview-html'))).not.toMatch(
      /<script>alert|onerror=|href="javascript:/i,
    )
    expect((await visitor().get('/not-saved')).status).toBe(404)
  })

  it('lists links to Hub addresses that lead nowhere, and saves all the same', async () => {
    const res = await staff.post(
      '/staff/pages/new',
      page({
        title: 'Links',
        bodyMarkdown: '[ok](/history) [dir](/directory) [gone](/no-such-page) [ext](https://example.org/x)',
      }),
    )
    expect(res.status).toBe(303)
    const text = await pageText(await staff.get(res.headers.get('location') as string))
    expect(text).toContain('nowhere on the Hub')
    expect(text).toContain('/no-such-page')
    expect(text).not.toContain('/directory ')
    expect((await visitor().get('/links')).status).toBe(200)
  })

  it('refuses to delete a page with sub-pages, and deletes one without', async () => {
    const parent = idFrom(await staff.post('/staff/pages/new', page({ title: 'Parent' })))
    const child = idFrom(await staff.post('/staff/pages/new', page({ title: 'Child', parentId: parent })))
    const refused = await staff.post(`/staff/pages/${parent}/delete`, {})
    expect(refused.status).toBe(409)
    expect(await pageText(refused)).toContain('This page has sub-pages')
    expect((await staff.post(`/staff/pages/${child}/delete`, {})).status).toBe(303)
    expect((await visitor().get('/parent/child')).status).toBe(404)
  })

  it('lets staff edit the home page’s text, with the same words by default', async () => {
    const list = await staff.get('/staff/pages')
    const homeId = (await list.text()).match(/href="\/staff\/pages\/([0-9a-f-]{36})">Edit the home page/)?.[1]
    expect(homeId).toBeDefined()
    expect(await pageText(await visitor().get('/'))).toContain('Two named voices.')
    await staff.post(
      `/staff/pages/${homeId}`,
      page({ title: 'Manufacturing regions, together', summary: 'New words.', bodyMarkdown: '## Join us' }),
    )
    const home = await pageText(await visitor().get('/'))
    expect(home).toContain('Manufacturing regions, together')
    expect(home).toContain('Join us')
    expect(home).toContain('member communit')
  })

  it('orders the navigation as staff set it', async () => {
    const ids = await queryRows<{ id: string; slug: string }>(
      database.db,
      sql`select id, slug from site_pages where slug in ('history', 'mission-and-purpose')`,
    )
    const fields = Object.fromEntries(ids.map((r) => [`order.${r.id}`, r.slug === 'history' ? '1' : '2']))
    expect((await staff.post('/staff/pages/order', fields)).status).toBe(303)
    const nav = navOf(await (await visitor().get('/')).text())
    expect(nav.indexOf('History')).toBeLessThan(nav.indexOf('Mission and Purpose'))
  })
})
