import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { samplePdf, samplePng } from '../support/fixtures/sample-files.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { createNewsPost } from '../support/news-factories.ts'
import { htmlText, pageHtml, pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** The editor's fields as staff send them, with their overrides. */
const postFields = (overrides: Record<string, string> = {}) => ({
  title: 'A new post',
  slug: '',
  date: '2026-11-20',
  time: '09:30',
  status: 'published',
  visibility: 'public',
  author: '',
  authorName: 'Network staff',
  summary: 'What it says in short.',
  body: 'The text of the post.',
  categories: '',
  tags: '',
  coverAlt: '',
  ...overrides,
})

/** Posts the editor as a browser does with a file: multipart, our origin, the form token. */
async function postMultipart(
  session: Session,
  path: string,
  fields: Record<string, string>,
  cover?: { name: string; bytes: Buffer; type: string },
) {
  const form = new FormData()
  form.set('_csrf', TEST_CSRF)
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  if (cover) form.set('cover', new File([new Uint8Array(cover.bytes)], cover.name, { type: cover.type }))
  return session.app.request(path, {
    method: 'POST',
    body: form,
    headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
  })
}

const editIdOf = (res: Response) =>
  res.headers.get('location')?.match(/\/staff\/news\/([0-9a-f-]{36})\/edit/)?.[1] ?? ''

describe(`news pages on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let later: TestApp
  let visitor: Session
  let applicant: Session
  let member: Session
  let staff: Session
  let laterVisitor: Session

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    // The same database two days on: what was scheduled for tomorrow is out.
    later = await createTestApp(database, { today: '2026-11-28' })
    visitor = new Session(t.app)
    laterVisitor = new Session(later.app)
    const org = await createOrganization(database.db)
    const rep = await seatHolder(database.db, org, 'representative')
    const someone = await createPerson(database.db)
    const staffPerson = await createPerson(database.db, { role: 'staff' })
    member = new Session(t.app)
    applicant = new Session(t.app)
    staff = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: rep.email })
    await signInAs(applicant, database.db, t.auth, { email: someone.email })
    await signInAs(staff, database.db, t.auth, { email: staffPerson.email })
  })
  afterAll(async () => {
    await t?.stop()
    await later?.stop()
    await database?.drop()
  })

  it('lists ten posts a page, newest first, with a labelled pagination and no page past the last', async () => {
    for (let n = 1; n <= 23; n++)
      await createNewsPost(database.db, {
        title: `Paged post ${n}`,
        publishAt: `2025-03-${String(n).padStart(2, '0')}T15:00:00Z`,
        tags: ['Paging'],
      })
    const first = await pageHtml(await visitor.get('/news/tag/paging'))
    expect(first.match(/Paged post \d+/g)?.slice(0, 10)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Paged post ${23 - i}`),
    )
    expect(first).toContain('<nav class="pagination" aria-label="Pages of the list">')
    expect(first).toMatch(/<a href="\/news\/tag\/paging" aria-current="page">/)
    const third = await visitor.get('/news/tag/paging?page=3')
    expect(third.status).toBe(200)
    const thirdText = await pageText(third)
    expect(thirdText).toContain('Paged post 3')
    expect(thirdText).toContain('Paged post 1')
    expect(thirdText).not.toContain('Paged post 4 ')
    expect((await visitor.get('/news/tag/paging?page=4')).status).toBe(404)
    expect((await visitor.get('/news?page=two')).status).toBe(404)
    const archive = await pageText(await visitor.get('/news/2025'))
    expect(archive).toContain('News of 2025')
    expect(archive).toContain('Paged post 23')
  })

  it('answers a year without news the viewer may read with a 404 that links to the years they may read', async () => {
    await createNewsPost(database.db, {
      title: 'Members news of 2003',
      visibility: 'members',
      publishAt: '2003-06-02T15:00:00Z',
    })
    await createNewsPost(database.db, { title: 'Public news of 2004', publishAt: '2004-06-02T15:00:00Z' })
    for (const attempt of ['first', 'again (cached?)']) {
      for (const year of ['1999', '2003']) {
        const res = await visitor.get(`/news/${year}`)
        expect(res.status, `${year} ${attempt}`).toBe(404)
        const html = await pageHtml(res)
        expect(htmlText(html)).toContain(`No news from ${year} There is news from these years:`)
        expect(html).toContain('href="/news/2004"')
        // A visitor never learns that 2003 holds a members' post.
        expect(html).not.toContain('href="/news/2003"')
      }
      const forMember = await member.get('/news/1999')
      expect(forMember.status).toBe(404)
      const memberHtml = await pageHtml(forMember)
      expect(memberHtml).toContain('href="/news/2003"')
      expect(memberHtml).toContain('href="/news/2004"')
    }
  })

  it('says the feeds and years beside a tag’s or a category’s news cover all the news', async () => {
    await createNewsPost(database.db, {
      title: 'Harbour news',
      publishAt: '2026-10-02T15:00:00Z',
      tags: ['Harbour'],
      categories: ['Ports'],
    })
    for (const path of ['/news/tag/harbour', '/news/category/ports']) {
      const text = await pageText(await visitor.get(path))
      expect(text, path).toContain('Harbour news')
      expect(text, path).toContain('Follow all the news: RSS feed · Atom feed')
      expect(text, path).toContain('All the news by year')
    }
    const all = await pageText(await visitor.get('/news'))
    expect(all).toContain('Follow the news: RSS feed · Atom feed')
    expect(all).not.toContain('All the news by year')
  })

  it('keeps drafts and scheduled posts out of sight until their time, at the clock of the day', async () => {
    const scheduled = await createNewsPost(database.db, {
      title: 'Out tomorrow',
      status: 'scheduled',
      publishAt: '2026-11-27T12:00:00Z',
      categories: ['Coming soon'],
    })
    const draft = await createNewsPost(database.db, {
      title: 'Still a draft',
      status: 'draft',
      publishAt: '2026-11-01T12:00:00Z',
      tags: ['Unwritten'],
    })
    expect((await visitor.get(`/news/${scheduled.slug}`)).status).toBe(404)
    expect(await pageText(await visitor.get('/news'))).not.toContain('Out tomorrow')
    expect(await pageText(await member.get('/news'))).not.toContain('Out tomorrow')
    expect((await laterVisitor.get(`/news/${scheduled.slug}`)).status).toBe(200)
    expect(await pageText(await laterVisitor.get('/news'))).toContain('Out tomorrow')
    for (const session of [visitor, laterVisitor, member]) {
      expect((await session.get(`/news/${draft.slug}`)).status).toBe(404)
      expect(await pageText(await session.get('/news/2026'))).not.toContain('Still a draft')
    }
    const preview = await staff.get(`/news/${draft.slug}`)
    expect(preview.status).toBe(200)
    expect(await pageText(preview)).toContain('This post is a draft: only staff see it.')
    // A category or tag exists once one of its posts is out: asked again, still not before.
    for (let ask = 0; ask < 2; ask++) {
      expect((await visitor.get('/news/category/coming-soon')).status).toBe(404)
      expect((await laterVisitor.get('/news/tag/unwritten')).status).toBe(404)
    }
    const soon = await laterVisitor.get('/news/category/coming-soon')
    expect(soon.status).toBe(200)
    expect(await pageText(soon)).toContain('News: Coming soon')
  })

  it('never shows a members-only post to a visitor or an applicant: page, list, archives, feeds or cover', async () => {
    const res = await postMultipart(
      staff,
      '/staff/news/new',
      postFields({
        title: 'Members only news',
        visibility: 'members',
        date: '2019-05-02',
        tags: 'Secret tag',
        categories: 'Inner circle',
        coverAlt: 'A chart',
      }),
      { name: 'chart.png', bytes: samplePng(), type: 'image/png' },
    )
    expect(res.status).toBe(303)
    const slug = 'members-only-news'
    for (const session of [visitor, applicant]) {
      for (const path of [
        `/news/${slug}`,
        `/news/${slug}/cover`,
        '/news/2019',
        '/news/tag/secret-tag',
        '/news/category/inner-circle',
      ])
        for (const attempt of ['first', 'again (cached?)'])
          expect((await session.get(path)).status, `${path} ${attempt}`).toBe(404)
      for (const path of ['/news', '/news/rss.xml', '/news/atom.xml'])
        expect(await (await session.get(path)).text(), path).not.toContain('Members only news')
      // Not even the year it was written in.
      expect(await pageHtml(await session.get('/news'))).not.toContain('href="/news/2019"')
    }
    const page = await member.get(`/news/${slug}`)
    expect(page.status).toBe(200)
    expect(await pageText(page)).toContain('Members only')
    const cover = await member.get(`/news/${slug}/cover`)
    expect(cover.status).toBe(200)
    expect(cover.headers.get('content-type')).toBe('image/png')
    expect(cover.headers.get('cache-control')).toBe('private, no-store')
    expect(await pageText(await member.get('/news/2019'))).toContain('Members only news')
    expect(await (await member.get('/news/rss.xml')).text()).not.toContain('Members only news')
  })

  it('publishes a post written in the editor with its cover, alt text, categories and link-preview meta', async () => {
    const noAlt = await postMultipart(staff, '/staff/news/new', postFields({ title: 'With a cover' }), {
      name: 'cover.png',
      bytes: samplePng(),
      type: 'image/png',
    })
    expect(noAlt.status).toBe(409)
    expect(await pageText(noAlt)).toContain('Describe the cover image for people who cannot see it.')
    const pdf = await postMultipart(
      staff,
      '/staff/news/new',
      postFields({ title: 'With a cover', coverAlt: 'x' }),
      { name: 'cover.pdf', bytes: samplePdf(), type: 'application/pdf' },
    )
    expect(pdf.status).toBe(400)
    expect(await pageText(pdf)).toContain('is not a PNG or JPEG image')
    const res = await postMultipart(
      staff,
      '/staff/news/new',
      postFields({
        title: 'With a cover',
        coverAlt: 'Workers on a factory floor',
        pressRelease: 'yes',
        categories: 'Network news',
      }),
      { name: 'cover.png', bytes: samplePng(), type: 'image/png' },
    )
    expect(res.status).toBe(303)
    const html = await pageHtml(await visitor.get('/news/with-a-cover'))
    expect(html).toContain('<meta property="og:type" content="article"/>')
    expect(html).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/news/with-a-cover"/>`)
    expect(html).toContain(`<meta property="og:image" content="${TEST_ORIGIN}/news/with-a-cover/cover"/>`)
    expect(html).toContain('<img src="/news/with-a-cover/cover" alt="Workers on a factory floor"/>')
    expect(html).toContain('href="/news/category/press-release"')
    const cover = await visitor.get('/news/with-a-cover/cover')
    expect(cover.status).toBe(200)
    expect(Buffer.from(await cover.arrayBuffer()).equals(samplePng())).toBe(true)
    expect(await pageText(await visitor.get('/news/category/press-release'))).toContain('With a cover')
    const future = await staff.post('/staff/news/new', postFields({ title: 'Too early', date: '2026-12-24' }))
    expect(future.status).toBe(409)
    expect(await pageText(future)).toContain('choose Scheduled')
  })

  it('keeps a slug when the title changes, and redirects the old address when staff change the slug', async () => {
    const created = await staff.post('/staff/news/new', postFields({ title: 'Original title' }))
    const id = editIdOf(created)
    expect(id).not.toBe('')
    const retitled = await staff.post(
      `/staff/news/${id}/edit`,
      postFields({ title: 'A better title', slug: 'original-title' }),
    )
    expect(retitled.status).toBe(303)
    expect(await pageText(await visitor.get('/news/original-title'))).toContain('A better title')
    await staff.post(
      `/staff/news/${id}/edit`,
      postFields({ title: 'A better title', slug: 'a-better-title' }),
    )
    const old = await visitor.get('/news/original-title')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/news/a-better-title')
    expect((await visitor.get('/news/a-better-title')).status).toBe(200)
    const taken = await staff.post(
      `/staff/news/${id}/edit`,
      postFields({ title: 'A better title', slug: 'with-a-cover' }),
    )
    expect(taken.status).toBe(409)
    expect(await pageText(taken)).toContain('Another post has this address')
  })

  it('sanitizes a hostile body: no script, no event handler, no javascript: link', async () => {
    const post = await createNewsPost(database.db, {
      title: 'Hostile body',
      bodyMarkdown:
        '<script>alert(1)</script>\n\n<img src="https://example.org/x.png" onerror="alert(2)">\n\n[click](javascript:alert(3)) <iframe src="https://evil.example"></iframe>',
    })
    const html = await pageHtml(await visitor.get(`/news/${post.slug}`))
    const body = html.slice(html.indexOf('class="page-body"'))
    expect(body).not.toMatch(/<script|onerror|javascript:|<iframe/i)
    expect(body).toContain('<img src="https://example.org/x.png"')
  })

  it('shows staff a scheduled post whose time came as published, so that saving it keeps it out', async () => {
    const post = await createNewsPost(database.db, {
      title: 'Was scheduled',
      status: 'scheduled',
      publishAt: '2026-11-20T12:00:00Z',
    })
    const editor = await pageHtml(await staff.get(`/staff/news/${post.id}/edit`))
    expect(editor).toMatch(/<option value="published" selected="">Published<\/option>/)
  })

  it('lets staff delete a post, after they confirm it', async () => {
    const post = await createNewsPost(database.db, { title: 'To be deleted' })
    const list = await pageText(await staff.get('/staff/news'))
    expect(list).toContain('To be deleted')
    const unconfirmed = await staff.post(`/staff/news/${post.id}/delete`, {})
    expect(unconfirmed.status).toBe(400)
    const done = await staff.post(`/staff/news/${post.id}/delete`, { confirm: 'yes' })
    expect(done.status).toBe(303)
    expect((await visitor.get(`/news/${post.slug}`)).status).toBe(404)
  })
})
