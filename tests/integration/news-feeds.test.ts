import { parseFeed } from '@rowanmanning/feed-parser'
import { SaxesParser } from 'saxes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { createNewsPost, type TestPost } from '../support/news-factories.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** Throws at the first thing that makes the text not well-formed XML (a strict, namespace-aware parser). */
function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true })
  let error: Error | undefined
  parser.on('error', (e) => {
    error ??= e
  })
  parser.write(xml).close()
  if (error) throw error
}

const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}T14:00:00.000Z`
const hostileTitle =
  'Tom & Jerry <script>alert(1)</script> ]]> \u0001\u0008 bell\u0007 «مرحبا بالعالم» \u202eevil'

describe(`the news feeds on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let visitor: Session
  const publicPosts: TestPost[] = []
  let membersPost: TestPost
  let scheduled: TestPost
  let draft: TestPost

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    // 25 public posts on 25 days of October, written in a shuffled order.
    for (const n of [
      7, 19, 1, 25, 13, 2, 24, 8, 14, 20, 3, 9, 15, 21, 4, 10, 16, 22, 5, 11, 17, 23, 6, 12, 18,
    ])
      publicPosts.push(
        await createNewsPost(database.db, {
          title: `Public post of October ${n}`,
          publishAt: day(n),
          categories: n === 25 ? ['Press release', 'Network news'] : ['Network news'],
        }),
      )
    // Newer than all of them, yet never in a feed.
    membersPost = await createNewsPost(database.db, {
      title: 'Members-only notes',
      visibility: 'members',
      publishAt: day(26),
    })
    scheduled = await createNewsPost(database.db, {
      title: 'Not yet out',
      status: 'scheduled',
      publishAt: '2099-01-01T00:00:00Z',
    })
    draft = await createNewsPost(database.db, { title: 'A draft', status: 'draft', publishAt: day(27) })
    visitor = new Session(t.app)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  const newest20 = () => Array.from({ length: 20 }, (_, i) => `Public post of October ${25 - i}`)

  it('serves RSS 2.0 that a feed parser reads: the newest 20 public posts, newest first, with dates, links and categories', async () => {
    const res = await visitor.get('/news/rss.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/rss+xml')
    const xml = await res.text()
    assertWellFormed(xml)
    const feed = parseFeed(xml)
    expect(feed.meta.type).toBe('rss')
    expect(feed.self).toBe(`${TEST_ORIGIN}/news/rss.xml`)
    expect(feed.url).toBe(`${TEST_ORIGIN}/news`)
    expect(feed.items.map((item) => item.title)).toEqual(newest20())
    const first = feed.items[0]
    const post25 = publicPosts.find((p) => p.title === 'Public post of October 25')
    expect(first?.url).toBe(`${TEST_ORIGIN}/news/${post25?.slug}`)
    expect(first?.id).toBe(`urn:uuid:${post25?.id}`)
    expect(first?.published?.toISOString()).toBe(day(25))
    expect(first?.description).toBe(`Summary of test post ${post25?.slug.replace('test-post-', '')}.`)
    expect(first?.categories.map((c) => c.term)).toEqual(['Press release', 'Network news'])
    expect(feed.items.at(-1)?.published?.toISOString()).toBe(day(6))
  })

  it('serves Atom 1.0 that a feed parser reads: ids, dates, authors, links, summaries and the body as HTML', async () => {
    const res = await visitor.get('/news/atom.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const xml = await res.text()
    assertWellFormed(xml)
    const feed = parseFeed(xml)
    expect(feed.meta.type).toBe('atom')
    expect(feed.self).toBe(`${TEST_ORIGIN}/news/atom.xml`)
    expect(feed.title).toContain('news')
    expect(feed.items).toHaveLength(20)
    expect(feed.items.map((item) => item.title)).toEqual(newest20())
    const first = feed.items[0]
    expect(first?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(first?.published?.toISOString()).toBe(day(25))
    expect(first?.authors[0]?.name).toBe('Test Author')
    expect(first?.content).toContain('<p>Body of test post')
    expect(first?.url).toMatch(new RegExp(`^${TEST_ORIGIN}/news/test-post-`))
  })

  it('never carries a members-only, scheduled or draft post, not even to a signed-in member', async () => {
    const org = await createOrganization(database.db)
    const representative = await seatHolder(database.db, org, 'representative')
    const member = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: representative.email })
    for (const path of ['/news/rss.xml', '/news/atom.xml']) {
      for (const session of [visitor, member]) {
        const xml = await (await session.get(path)).text()
        for (const hidden of [membersPost, scheduled, draft]) {
          expect(xml).not.toContain(hidden.title)
          expect(xml).not.toContain(hidden.id)
        }
      }
    }
  })

  it('answers 304 to a reader who has the feed already, and serves it from the page cache', async () => {
    const first = await visitor.get('/news/atom.xml')
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await visitor.get('/news/atom.xml', { 'If-None-Match': etag ?? '' })
    expect(again.status).toBe(304)
    expect((await visitor.get('/news/atom.xml')).headers.get('x-cache')).toBe('hit')
  })

  it('stays well-formed XML whatever a title holds: markup, ampersands, ]]>, control characters, right-to-left text', async () => {
    const staff = await createPerson(database.db, { role: 'staff', fullName: 'Ünïcode <Staff> & Co' })
    await createNewsPost(database.db, {
      title: hostileTitle,
      summary: 'Summary with ]]> and <b>tags</b> & \u0002 control',
      bodyMarkdown: '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nSome **bold** text ]]>',
      authorId: staff.id,
      categories: ['R&D <cat>'],
      publishAt: day(28),
    })
    for (const path of ['/news/rss.xml', '/news/atom.xml']) {
      const xml = await (await visitor.get(path)).text()
      assertWellFormed(xml)
      const feed = parseFeed(xml)
      const item = feed.items[0]
      expect(item?.title).toBe('Tom & Jerry <script>alert(1)</script> ]]>  bell «مرحبا بالعالم» \u202eevil')
      expect(feed.items).toHaveLength(20)
      if (path.endsWith('atom.xml')) {
        expect(item?.authors[0]?.name).toBe('Ünïcode <Staff> & Co')
        expect(item?.content).not.toContain('<script')
        expect(item?.content).not.toContain('onerror')
        expect(item?.content).toContain('<strong>bold</strong>')
      }
    }
  })
})
