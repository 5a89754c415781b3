import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  newsPosts,
  pageRevisions,
  redirects,
  sitePages,
  wordpressImportRedirects,
  wordpressImports,
} from '../../src/db/schema/index.ts'
import { loadExisting } from '../../src/features/wordpress/existing.ts'
import { type ImportSummary, WxrFormatError, WxrSyntaxError } from '../../src/features/wordpress/index.ts'
import { createPerson, type TestPerson } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'
import {
  accounted,
  importAsCli,
  MALFORMED_EXPORT,
  selfHostedExport,
  wordpressComExport,
  writeWxr,
  wxr10Export,
} from '../support/wxr-files.ts'

let database: TestDatabase
let t: TestApp
let sam: TestPerson
/** A staff member, who may open drafts and scheduled posts (and so follow old addresses to them). */
let staff: Session
let dir = ''
const COM = 'https://amcc.wordpress.com'
const SELF = 'https://www.amcc-network.org'

const run = (file: string, dryRun = false) => importAsCli(database.db, file, dryRun)

/** Every table the import writes, row by row: what "nothing written" is checked against. */
const snapshot = async () => ({
  posts: await database.db.select().from(newsPosts).orderBy(asc(newsPosts.id)),
  pages: await database.db.select().from(sitePages).orderBy(asc(sitePages.id)),
  revisions: await database.db.select().from(pageRevisions).orderBy(asc(pageRevisions.id)),
  redirects: await database.db.select().from(redirects).orderBy(asc(redirects.fromPath)),
  imports: await database.db.select().from(wordpressImports).orderBy(asc(wordpressImports.id)),
})

const post = async (key: string) =>
  (await database.db.select().from(newsPosts).where(eq(newsPosts.importKey, key)))[0]
const page = async (key: string) =>
  (await database.db.select().from(sitePages).where(eq(sitePages.importKey, key)))[0]

beforeAll(async () => {
  database = await createTestDatabase()
  t = await createTestApp(database)
  dir = await mkdtemp(path.join(os.tmpdir(), 'hub-wordpress-'))
  sam = await createPerson(database.db, { fullName: 'Sam Staff', email: 'staff.writer@example.org' })
  staff = new Session(t.app)
  await signInAs(staff, database.db, t.auth, {
    email: (await createPerson(database.db, { role: 'staff' })).email,
  })
})
afterAll(async () => {
  await t.stop()
  await database.drop()
  await rm(dir, { recursive: true, force: true })
})

describe(`importing WordPress exports on ${testEngine}`, () => {
  let com: ImportSummary

  it('previews a WordPress.com export (WXR 1.1) without writing, then imports it with every item accounted for', async () => {
    const file = await writeWxr(dir, 'wordpress-com.xml', wordpressComExport(COM))
    const before = await snapshot()
    const preview = await run(file, true)
    expect(await snapshot()).toEqual(before)
    com = await run(file)
    expect({ ...com, result: 'dry-run', dryRun: true, importId: null }).toEqual(preview)
    expect(com).toMatchObject({
      file: 'wordpress-com.xml',
      site: COM,
      wxrVersion: '1.1',
      result: 'imported',
      items: 13,
      posts: { created: 5, updated: 0, unchanged: 0, skipped: 1 },
      pages: { created: 4, updated: 0, unchanged: 0, skipped: 0, movedToTop: 1 },
      categories: { total: 2, carried: 1 },
      tags: { total: 1, carried: 1 },
      authors: { matched: 1, kept: 1 },
      comments: { skipped: 2 },
      attachments: {
        listed: 1,
        fetched: 0,
        keptAsLinks: 1,
        links: [{ postId: 40, url: 'https://amcc.files.wordpress.com/2016/05/plant.jpg' }],
      },
      redirects: { created: 20, unchanged: 0 },
      skipped: [
        { postId: 25, type: 'post', reason: 'in the trash' },
        { postId: 50, type: 'nav_menu_item', reason: 'a nav_menu_item is not imported' },
        { postId: 60, type: 'product', reason: 'a product is not imported' },
      ],
    })
    expect(accounted(com)).toBe(com.items)
    expect(com.warnings).toEqual([expect.stringContaining('parent 999 is not in the file')])
    const [recorded] = await database.db.select().from(wordpressImports)
    expect(com.redirects).not.toHaveProperty('skipped')
    expect(recorded).toMatchObject({
      id: com.importId,
      fileName: 'wordpress-com.xml',
      siteUrl: COM,
      sha256: com.sha256,
    })
    // The record keeps the summary, and what the import wrote to old addresses for its undo.
    expect(recorded?.summary).toEqual(com)
    const logged = await database.db
      .select()
      .from(wordpressImportRedirects)
      .where(eq(wordpressImportRedirects.importId, com.importId ?? ''))
    expect(logged).toHaveLength(20)
    expect(logged).toContainEqual({
      importId: com.importId,
      fromPath: '/?p=20',
      toPath: '/news/amp-socal-redesignated',
      previousPath: null,
    })
  })

  it('keeps pages three levels deep with their order, and a first revision', async () => {
    const about = await page(`wp:${COM}:10`)
    const board = await page(`wp:${COM}:11`)
    const members = await page(`wp:${COM}:12`)
    const orphan = await page(`wp:${COM}:13`)
    expect(about).toMatchObject({
      slug: 'about',
      parentId: null,
      navOrder: 1,
      status: 'published',
      importId: com.importId,
    })
    expect(board).toMatchObject({ slug: 'board', parentId: about?.id, navOrder: 2 })
    expect(members).toMatchObject({ slug: 'members', parentId: board?.id })
    expect(orphan).toMatchObject({ slug: 'orphan', parentId: null })
    expect(board?.bodyMarkdown).toBe('<p>Our board.</p>\n<p>It meets monthly.</p>')
    const revisions = await database.db
      .select()
      .from(pageRevisions)
      .where(eq(pageRevisions.pageId, members?.id as string))
    expect(revisions).toMatchObject([
      { number: 1, slug: 'members', title: 'Board members', note: 'Imported from WordPress' },
    ])
  })

  it('keeps statuses, dates, terms and authors of posts', async () => {
    expect(await post(`wp:${COM}:20`)).toMatchObject({
      slug: 'amp-socal-redesignated',
      title: 'AMP SoCal redesignated & renewed',
      summary: 'Five more years.',
      status: 'published',
      visibility: 'public',
      authorId: sam.id,
      authorName: 'Sam Staff',
      categories: ['Press release'],
      tags: ['Robotics'],
    })
    expect(Date.parse((await post(`wp:${COM}:20`))?.publishAt ?? '')).toBe(Date.parse('2016-05-12T14:00:00Z'))
    const scheduled = await post(`wp:${COM}:21`)
    expect(scheduled?.status).toBe('scheduled')
    expect(Date.parse(scheduled?.publishAt ?? '')).toBe(Date.parse('2027-01-15T14:00:00Z'))
    expect(await post(`wp:${COM}:22`)).toMatchObject({
      slug: 'unfinished-thoughts',
      status: 'draft',
      publishAt: null,
      authorId: null,
      authorName: 'Gail Guest',
    })
    expect(await post(`wp:${COM}:23`)).toMatchObject({ slug: 'unicode-cafe', title: 'Ünïcödé café — 制造业' })
    expect(await post(`wp:${COM}:24`)).toMatchObject({ slug: 'post-24', title: 'מרכז ייצור — مركز التصنيع' })
    expect((await post(`wp:${COM}:24`))?.bodyMarkdown).toBe('<p dir="rtl">שלום עולם. مرحبا بالعالم.</p>')
    expect(await post(`wp:${COM}:25`)).toBeUndefined()
  })

  it('turns block markup and shortcodes into clean HTML', async () => {
    const body = (await post(`wp:${COM}:20`))?.bodyMarkdown ?? ''
    expect(body).not.toMatch(/<!--|wp:|\[\/?(caption|gallery|embed|contact-form-7)/)
    // Images of the old site are kept as links to it: the Hub's pages ask no other host for anything.
    expect(body).toContain(
      '<figure><a href="https://amcc.files.wordpress.com/2016/05/plant.jpg">Image: Plant floor</a><figcaption>The plant floor</figcaption></figure>',
    )
    expect(body).toContain(
      '<ul><li><a href="https://amcc.files.wordpress.com/2016/05/plant.jpg">Image</a></li></ul>',
    )
    expect(body).not.toContain('<img')
    expect(body).toContain('<a href="https://www.youtube.com/watch?v=abc123"')
    expect(body).toContain('Write to us')
  })

  it('answers each old permalink with a permanent redirect to the new address', async () => {
    const expected: [string, string][] = [
      ['/2016/05/12/amp-socal-redesignated/', '/news/amp-socal-redesignated'],
      ['/?p=20', '/news/amp-socal-redesignated'],
      ['/about/', '/about'],
      ['/about/board/', '/about/board'],
      ['/about/board/members/', '/about/board/members'],
      ['/?page_id=12', '/about/board/members'],
      ['/2016/08/01/%d7%9e%d7%a8%d7%9b%d7%96/', '/news/post-24'],
    ]
    for (const [from, to] of expected) {
      const res = await t.app.request(from)
      expect([from, res.status, res.headers.get('Location')]).toEqual([from, 301, to])
    }
    // The scheduled post's old address gives nothing away before it is out: a visitor gets the
    // home page, as for an ID the old site never had; staff, who may open it, are sent on.
    const scheduled = await t.app.request('/?p=21')
    expect([scheduled.status, scheduled.headers.get('Location')]).toEqual([200, null])
    const forStaff = await staff.get('/?p=21')
    expect([forStaff.status, forStaff.headers.get('Location')]).toEqual([301, '/news/upcoming-summit'])
  })

  it('imports a self-hosted export (WXR 1.2, other prefixes) and a WXR 1.0 one', async () => {
    const self = await run(await writeWxr(dir, 'self-hosted.xml', selfHostedExport(SELF)))
    expect(self).toMatchObject({
      site: SELF,
      wxrVersion: '1.2',
      posts: { created: 3, skipped: 0 },
      pages: { created: 3, movedToTop: 0 },
      authors: { matched: 0, kept: 1 },
      attachments: { listed: 1 },
    })
    expect(accounted(self)).toBe(self.items)
    const checklist = await page(`wp:${SELF}:5`)
    expect(checklist).toMatchObject({ slug: 'checklist', status: 'draft' })
    // A draft page answers nobody at its address (staff preview it in the editor), so neither
    // does its old address.
    expect((await t.app.request('/membership/join/checklist/')).status).toBe(404)
    expect((await staff.get('/membership/join/checklist/')).status).toBe(404)
    expect(await post(`wp:${SELF}:8`)).toMatchObject({ status: 'published', visibility: 'members' })
    // A scheduled post without its GMT date: its local date read in the network's zone.
    const scheduled = await post(`wp:${SELF}:9`)
    expect(scheduled?.status).toBe('scheduled')
    expect(Date.parse(scheduled?.publishAt ?? '')).toBe(Date.parse('2030-01-01T14:00:00Z'))
    const old = await run(await writeWxr(dir, 'old.xml', wxr10Export()))
    expect(old).toMatchObject({ wxrVersion: '1.0', posts: { created: 1 }, redirects: { created: 2 } })
  })

  it('neutralises hostile markup: stored clean, and nothing of it in the rendered page', async () => {
    const stored = (await post(`wp:${SELF}:7`))?.bodyMarkdown ?? ''
    const res = await t.app.request('/news/hostile')
    expect(res.status).toBe(200)
    const html = await res.text()
    const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    expect(body).toContain('Click me')
    // The http image is not loaded: it is a link to its address, with its alt text.
    expect(stored).toContain('<a href="http://insecure.invalid/pixel.png">Image: tracker</a>')
    for (const text of [stored, body]) {
      expect(text).not.toMatch(
        /<script|<iframe|<object|<embed|<svg|<form|<input|\son\w+=|javascript:|style=|evil\.invalid|<img[^>]*http:\/\/insecure/i,
      )
    }
  })

  it('changes nothing when the same file is imported again', async () => {
    const file = path.join(dir, 'wordpress-com.xml')
    const before = await snapshot()
    const again = await run(file)
    expect(again).toMatchObject({
      result: 'unchanged',
      importId: null,
      posts: { created: 0, updated: 0, unchanged: 5, skipped: 1 },
      pages: { created: 0, updated: 0, unchanged: 4, skipped: 0 },
      redirects: { created: 0, unchanged: 20 },
    })
    expect(await snapshot()).toEqual(before)
  })

  it('reads what an earlier import wrote a page at a time, whatever the page size', async () => {
    const whole = await loadExisting(database.db, COM)
    expect([...whole.rows.post.values()].filter((row) => row.authorName !== '')).toHaveLength(5)
    expect([whole.rows.post.size, whole.rows.page.size]).toEqual([5, 4])
    for (const pageSize of [1, 2, 4]) {
      const paged = await loadExisting(database.db, COM, pageSize)
      expect(paged.rows).toEqual(whole.rows)
    }
  })

  it('updates what changed in a later export, with a new revision for a page', async () => {
    const file = await writeWxr(
      dir,
      'wordpress-com-2.xml',
      wordpressComExport(COM, {
        11: { content: 'Our board, renewed.' },
        20: { title: 'AMP SoCal redesignated again' },
      }),
    )
    const later = await run(file)
    expect(later).toMatchObject({
      result: 'imported',
      posts: { created: 0, updated: 1, unchanged: 4 },
      pages: { created: 0, updated: 1, unchanged: 3 },
    })
    const board = await page(`wp:${COM}:11`)
    expect(board?.bodyMarkdown).toBe('<p>Our board, renewed.</p>')
    expect(board?.importId).toBe(com.importId)
    const revisions = await database.db
      .select({ number: pageRevisions.number, note: pageRevisions.note })
      .from(pageRevisions)
      .where(eq(pageRevisions.pageId, board?.id as string))
      .orderBy(asc(pageRevisions.number))
    expect(revisions).toEqual([
      { number: 1, note: 'Imported from WordPress' },
      { number: 2, note: 'Updated from WordPress' },
    ])
    expect((await post(`wp:${COM}:20`))?.slug).toBe('amp-socal-redesignated')
  })

  it('refuses a malformed file with the line and column of the problem, writing nothing', async () => {
    const before = await snapshot()
    const bad = await writeWxr(dir, 'bad.xml', MALFORMED_EXPORT)
    await expect(run(bad)).rejects.toMatchObject({ line: 4, column: 30 })
    await expect(run(bad)).rejects.toBeInstanceOf(WxrSyntaxError)
    // Cut short in the middle of an item: the end of the file is where it fails.
    const whole = wordpressComExport('https://cut.example')
    const cut = path.join(dir, 'cut.xml')
    await writeFile(cut, whole.slice(0, Math.floor(whole.length * 0.8)))
    await expect(run(cut)).rejects.toBeInstanceOf(WxrSyntaxError)
    const rss = await writeWxr(
      dir,
      'plain.xml',
      '<rss version="2.0"><channel><title>x</title><item><title>y</title></item></channel></rss>',
    )
    await expect(run(rss)).rejects.toBeInstanceOf(WxrFormatError)
    expect(await snapshot()).toEqual(before)
    expect(
      await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(newsPosts)
        .where(sql`${newsPosts.importKey} like 'wp:https://cut.example:%'`),
    ).toEqual([{ n: 0 }])
  })

  it('commits what its preview checked, and writes nothing if the file changed unseen since', async () => {
    const before = await snapshot()
    const text = wordpressComExport('https://swap.example')
    const file = await writeWxr(dir, 'swap.xml', text)
    const mtime = new Date('2026-01-02T03:04:05Z')
    await utimes(file, mtime, mtime)
    const preview = await run(file, true)
    // The same size and modification time, another title: only the checksum can tell.
    await writeFile(file, text.replace('Our board', 'Our BOARD'))
    await utimes(file, mtime, mtime)
    await expect(run(file)).rejects.toThrow(
      'The file changed while it was being imported; nothing was written.',
    )
    expect(await snapshot()).toEqual(before)
    // Checked again from scratch: the new text is what gets imported.
    const imported = await run(file)
    expect(imported.sha256).not.toBe(preview.sha256)
    expect(imported.posts.created).toBe(preview.posts.created)
  })
})
