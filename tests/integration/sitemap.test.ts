import { SaxesParser } from 'saxes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import {
  searchLibraryItem,
  searchNewsPost,
  searchPage,
  searchPresentation,
} from '../support/search-factories.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** The sitemap read with an XML parser: each <url>'s loc and lastmod (a malformed document throws). */
function parseSitemap(xml: string): { loc: string; lastmod?: string }[] {
  const parser = new SaxesParser({ xmlns: true })
  const urls: { loc: string; lastmod?: string }[] = []
  let element = ''
  parser.on('opentag', (tag) => {
    element = tag.local
    if (element === 'url') urls.push({ loc: '' })
    if (element === 'urlset') expect(tag.uri).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  })
  parser.on('text', (text) => {
    const url = urls.at(-1)
    if (url && element === 'loc') url.loc += text
    if (url && element === 'lastmod') url.lastmod = (url.lastmod ?? '') + text
  })
  parser.on('closetag', () => {
    element = ''
  })
  parser.write(xml).close()
  return urls
}

describe(`sitemap.xml and robots.txt on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let visitor: Session
  const at = (path: string) => `${TEST_ORIGIN}${path}`

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    visitor = new Session(t.app)
  })

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('lists every public live item with its absolute address, and nothing members-only, draft or not yet due', async () => {
    const db = database.db
    const about = await searchPage(db, { title: 'About', slug: 'about' })
    await searchPage(db, { title: 'Board', slug: 'board-page', parentId: about.id })
    await searchPage(db, { title: 'Members only', slug: 'members-only', visibility: 'members' })
    await searchPage(db, { title: 'A draft', slug: 'a-draft', status: 'draft' })
    const news = await searchNewsPost(db, { title: 'Out now' })
    const later = await searchNewsPost(db, {
      title: 'Later',
      status: 'scheduled',
      publishAt: '2027-03-01T12:00:00Z',
    })
    const secretNews = await searchNewsPost(db, { title: 'Members news', visibility: 'members' })
    const item = await searchLibraryItem(db, { title: 'Public briefing' })
    const secretItem = await searchLibraryItem(db, { title: 'Members briefing', visibility: 'members' })
    const pending = await searchLibraryItem(db, { title: 'Pending', status: 'pending' })
    const org = await createOrganization(db)
    const outsider = await createOrganization(db, { admittedOn: null })
    const talk = await searchPresentation(db, org, { title: 'A talk' })
    const hiddenTalk = await searchPresentation(db, org, {
      title: 'Secret talk',
      year: 2025,
      visibility: 'members',
    })

    const res = await visitor.get('/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/xml')
    const urls = parseSitemap(await res.text())
    const locs = urls.map((u) => u.loc)
    for (const path of ['/', '/news', '/library', '/directory', '/about', '/about/board-page'])
      expect(locs).toContain(at(path))
    for (const path of [`/news/${news.slug}`, `/library/${item.slug}`, `/organizations/${org.slug}`])
      expect(locs).toContain(at(path))
    expect(locs).toContain(at(`/presentations/${talk.slug}`))
    for (const path of [
      '/members-only',
      '/a-draft',
      `/news/${later.slug}`,
      `/news/${secretNews.slug}`,
      `/library/${secretItem.slug}`,
      `/library/${pending.slug}`,
      `/organizations/${outsider.slug}`,
      `/presentations/${hiddenTalk.slug}`,
    ])
      expect(locs).not.toContain(at(path))
    expect(new Set(locs).size).toBe(locs.length)
    expect(urls.find((u) => u.loc === at('/about'))?.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('is kept in the page cache until something changes', async () => {
    await visitor.get('/sitemap.xml')
    expect((await visitor.get('/sitemap.xml')).headers.get('x-cache')).toBe('hit')
  })

  it('robots.txt opens the public site, closes the private parts and names the sitemap', async () => {
    const res = await visitor.get('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const lines = (await res.text()).split('\n')
    expect(lines).toContain('User-agent: *')
    for (const path of ['/staff', '/account', '/api', '/board']) expect(lines).toContain(`Disallow: ${path}`)
    expect(lines).not.toContain('Disallow: /')
    expect(lines).toContain(`Sitemap: ${TEST_ORIGIN}/sitemap.xml`)
    expect((await visitor.get('/robots.txt')).headers.get('x-cache')).toBe('hit')
  })
})
