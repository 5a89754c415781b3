import { eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '#src/db/actor.ts'
import { newsPosts, redirects, sitePages } from '../../src/db/schema/index.ts'
import { recordRedirect } from '../../src/features/site/index.ts'
import { type ImportSummary, summaryText } from '../../src/features/wordpress/index.ts'
import { undoImport } from '../../src/features/wordpress/undo-import.ts'
import { createPerson } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { importTestBed } from '../support/import-test-bed.ts'
import { createNewsPost } from '../support/news-factories.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { testEngine } from '../support/test-database.ts'
import {
  accounted,
  importAsCli,
  pageOf,
  postOf,
  siteExport,
  type WxrItemSpec,
  writeWxr,
} from '../support/wxr-files.ts'

const bed = importTestBed('hub-wordpress-again-')
let staff: Session

beforeAll(async () => {
  staff = new Session(bed.t.app)
  await signInAs(staff, bed.database.db, bed.t.auth, {
    email: (await createPerson(bed.database.db, { role: 'staff' })).email,
  })
})

const run = (file: string, dryRun = false) => importAsCli(bed.database.db, file, dryRun)

/** What a user sees of a summary whether it was a preview or the import itself. */
const counted = ({ result: _r, dryRun: _d, importId: _i, ...rest }: ImportSummary) => rest

/**
 * Previews an export, then imports it: the import must do what its preview said. (What the Hub
 * answers after a write is polled: on PostgreSQL a cached page goes when the change's
 * notification arrives.)
 */
async function previewThenImport(name: string, items: WxrItemSpec[], site: string) {
  const file = await writeWxr(bed.dir, name, siteExport(site, items))
  const preview = await run(file, true)
  const done = await run(file, false)
  expect(counted(done)).toEqual(counted(preview))
  return done
}

const slugOf = async (key: string) =>
  (
    await bed.database.db.select({ slug: newsPosts.slug }).from(newsPosts).where(eq(newsPosts.importKey, key))
  )[0]?.slug
const answer = async (session: Session | null, address: string) => {
  const res = session ? await session.get(address) : await bed.t.app.request(address)
  return [address, res.status, res.headers.get('Location')]
}
const redirectFrom = async (from: string) =>
  (await bed.database.db.select().from(redirects).where(eq(redirects.fromPath, from)))[0]?.toPath

describe(`importing the same WordPress site again on ${testEngine}`, () => {
  it('gives a new post a free slug when an earlier post of the site left the file, and commits what it previewed', async () => {
    const site = 'https://reuse.example'
    await previewThenImport('reuse-1.xml', [postOf(site, 1, 'quokka-hello')], site)
    // Post 1 is gone from the new export; post 2 now has its name.
    const again = await previewThenImport('reuse-2.xml', [postOf(site, 2, 'quokka-hello')], site)
    expect(again).toMatchObject({ result: 'imported', posts: { created: 1, updated: 0, unchanged: 0 } })
    expect(await slugOf(`wp:${site}:1`)).toBe('quokka-hello')
    expect(await slugOf(`wp:${site}:2`)).toBe('quokka-hello-2')
    await expect.poll(() => answer(null, '/news/quokka-hello-2')).toEqual(['/news/quokka-hello-2', 200, null])
    // The old permalink is now post 2's, as on the old site.
    await expect
      .poll(() => answer(null, '/2020/01/02/quokka-hello/'))
      .toEqual(['/2020/01/02/quokka-hello/', 301, '/news/quokka-hello-2'])
    // Undone, post 2 goes, and the old permalink goes back to post 1, where the first import sent it.
    expect(await undoImport(bed.database.db, again.importId as string, 'cli')).toMatchObject({ posts: 1 })
    await expect
      .poll(() => answer(null, '/2020/01/02/quokka-hello/'))
      .toEqual(['/2020/01/02/quokka-hello/', 301, '/news/quokka-hello'])
  })

  it('gives a new page a free slug when the page that had it is now in the trash', async () => {
    const site = 'https://trash.example'
    await previewThenImport('trash-1.xml', [pageOf(site, 10, 'quokka-about', 'quokka-about')], site)
    const again = await previewThenImport(
      'trash-2.xml',
      [
        pageOf(site, 10, 'quokka-about', 'quokka-about', { status: 'trash' }),
        pageOf(site, 11, 'quokka-about', 'quokka-about'),
      ],
      site,
    )
    expect(again).toMatchObject({
      pages: { created: 1, skipped: 1 },
      skipped: [{ postId: 10, type: 'page', reason: 'in the trash' }],
    })
    await expect.poll(() => answer(null, '/quokka-about')).toEqual(['/quokka-about', 200, null])
    await expect.poll(() => answer(null, '/quokka-about-2')).toEqual(['/quokka-about-2', 200, null])
  })

  it('moves a page under another, keeps the new top-level page of its name apart, and undoes only what the import made', async () => {
    const site = 'https://move.example'
    const team = (more: Partial<WxrItemSpec> = {}) => pageOf(site, 20, 'quokka-team', 'quokka-team', more)
    const people = pageOf(site, 21, 'quokka-people', 'quokka-people')
    // Under 'people' a page of the same name already lives.
    const theirTeam = pageOf(site, 23, 'quokka-team', 'quokka-people/quokka-team', { parent: 21 })
    await previewThenImport('move-1.xml', [team(), people, theirTeam], site)
    const again = await previewThenImport(
      'move-2.xml',
      [
        team({ parent: 21, link: `${site}/quokka-people/quokka-team-2/` }),
        people,
        theirTeam,
        pageOf(site, 22, 'quokka-team', 'quokka-team'),
      ],
      site,
    )
    expect(again).toMatchObject({ pages: { created: 1, updated: 1, unchanged: 2, movedToTop: 0 } })
    expect(again.warnings).toContain(
      'Page 20 ("Page quokka-team") moves where "quokka-team" is taken: its slug is "quokka-team-2".',
    )
    for (const address of ['/quokka-people/quokka-team-2', '/quokka-people/quokka-team', '/quokka-team-2'])
      await expect.poll(() => answer(null, address)).toEqual([address, 200, null])
    await expect
      .poll(() => answer(null, '/?page_id=20'))
      .toEqual(['/?page_id=20', 301, '/quokka-people/quokka-team-2'])

    // Undone: the new page goes with its redirects; the moved page keeps its change, and its own.
    await undoImport(bed.database.db, again.importId as string, 'cli')
    await expect.poll(() => answer(null, '/quokka-team-2')).toEqual(['/quokka-team-2', 404, null])
    expect(await redirectFrom('/?page_id=22')).toBeUndefined()
    await expect
      .poll(() => answer(null, '/?page_id=20'))
      .toEqual(['/?page_id=20', 301, '/quokka-people/quokka-team-2'])
  })

  it('imports an id that was a post and is a page in a later export as a new page', async () => {
    const site = 'https://retyped.example'
    await previewThenImport('retyped-1.xml', [postOf(site, 701, 'quokka-retyped')], site)
    const again = await previewThenImport(
      'retyped-2.xml',
      [pageOf(site, 701, 'quokka-retyped', 'quokka-retyped')],
      site,
    )
    expect(again).toMatchObject({ result: 'imported', posts: { created: 0 }, pages: { created: 1 } })
    await expect.poll(() => answer(null, '/quokka-retyped')).toEqual(['/quokka-retyped', 200, null])
    expect(await slugOf(`wp:${site}:701`)).toBe('quokka-retyped')
  })

  it('keeps the first of two items with the same id, skips items without an id, and cuts loops of parents', async () => {
    const site = 'https://broken-ids.example'
    const done = await previewThenImport(
      'broken-ids.xml',
      [
        postOf(site, 7, 'quokka-seven'),
        postOf(site, 7, 'quokka-seven-again'),
        pageOf(site, 8, 'quokka-eight', 'quokka-eight'),
        pageOf(site, 8, 'quokka-eight-again', 'quokka-eight-again'),
        pageOf(site, 9, 'quokka-no-id', 'quokka-no-id', { withoutId: true }),
        pageOf(site, 104, 'quokka-orphan', 'quokka-orphan', { parent: 9999 }),
        pageOf(site, 105, 'quokka-selfish', 'quokka-selfish', { parent: 105 }),
        pageOf(site, 106, 'quokka-cyc-a', 'quokka-cyc-a', { parent: 108 }),
        pageOf(site, 107, 'quokka-cyc-b', 'quokka-cyc-b', { parent: 106 }),
        pageOf(site, 108, 'quokka-cyc-c', 'quokka-cyc-c', { parent: 107 }),
        { id: 5, title: 'a', type: 'attachment', status: 'inherit', attachmentUrl: `${site}/a.jpg` },
        { id: 5, title: 'b', type: 'attachment', status: 'inherit', attachmentUrl: `${site}/b.jpg` },
      ],
      site,
    )
    expect(done).toMatchObject({
      result: 'imported',
      items: 12,
      posts: { created: 1, skipped: 1 },
      pages: { created: 6, skipped: 2, movedToTop: 3 },
      attachments: {
        listed: 2,
        links: [
          { postId: 5, url: `${site}/a.jpg` },
          { postId: 5, url: `${site}/b.jpg` },
        ],
      },
      skipped: [
        { postId: 7, type: 'post', reason: 'duplicate id' },
        { postId: 8, type: 'page', reason: 'duplicate id' },
        { postId: 0, type: 'page', reason: expect.stringContaining('no post id') },
      ],
    })
    expect(accounted(done)).toBe(done.items)
    expect(summaryText(done)).toContain(
      '3 at the top level (their parent not imported, themselves or in a loop)',
    )
    expect(await slugOf(`wp:${site}:7`)).toBe('quokka-seven')
    // The loop is cut at its first page: the two others hang under it.
    for (const address of ['/quokka-orphan', '/quokka-selfish', '/quokka-cyc-a/quokka-cyc-b/quokka-cyc-c'])
      await expect.poll(() => answer(null, address)).toEqual([address, 200, null])
  })

  it('takes the same site over http or https, with or without www, as one site', async () => {
    const items = (site: string, title = 'Quokka news') => [
      postOf(site, 1, 'quokka-same', { title }),
      pageOf(site, 2, 'quokka-same-page', 'quokka-same-page'),
    ]
    const first = await previewThenImport(
      'same-1.xml',
      items('https://www.same.example'),
      'https://www.same.example',
    )
    expect(first).toMatchObject({ posts: { created: 1 }, pages: { created: 1 } })
    const overHttp = await previewThenImport(
      'same-2.xml',
      items('http://same.example'),
      'http://same.example',
    )
    expect(overHttp).toMatchObject({
      result: 'unchanged',
      posts: { created: 0, unchanged: 1 },
      pages: { created: 0, unchanged: 1 },
      redirects: { created: 0 },
    })
    const changed = await previewThenImport(
      'same-3.xml',
      items('http://same.example', 'Quokka news, renamed'),
      'http://same.example',
    )
    expect(changed).toMatchObject({ result: 'imported', posts: { created: 0, updated: 1 } })
    const rows = await bed.database.db
      .select({ slug: newsPosts.slug, title: newsPosts.title })
      .from(newsPosts)
      .where(like(newsPosts.slug, 'quokka-same%'))
    expect(rows).toEqual([{ slug: 'quokka-same', title: 'Quokka news, renamed' }])
  })

  it("leaves staff's redirects alone, and its undo removes only the import's own", async () => {
    const site = 'https://takeover.example'
    // Ids no other site of this file uses: '/?p=ID' of two sites is the same old address.
    const current = await createNewsPost(bed.database.db, { slug: 'quokka-current' })
    const staffRedirect = (from: string, to: string) =>
      writeAs(bed.database.db, 'system', (tx) => recordRedirect(tx, from, to))
    await staffRedirect('/news/quokka-old-name', `/news/${current.slug}`)
    await staffRedirect('/2019/05/05/quokka-staff-made/', `/news/${current.slug}`)
    const done = await previewThenImport(
      'takeover.xml',
      [
        postOf(site, 601, 'quokka-current', { link: `${site}/news/quokka-current` }),
        postOf(site, 602, 'quokka-staff-made', { link: `${site}/2019/05/05/quokka-staff-made/` }),
      ],
      site,
    )
    expect(done).toMatchObject({ posts: { created: 2 }, redirects: { created: 2, skipped: 2 } })
    expect(done.warnings).toContain(
      "1 old address is the Hub's own (one of its routes or pages) and will not redirect: /news/quokka-current.",
    )
    expect(done.warnings).toContain(
      '1 old address already redirects elsewhere, made by staff or another import, and is kept as it is: /2019/05/05/quokka-staff-made/.',
    )
    const stillStaffs = async () => {
      await expect
        .poll(() => answer(null, '/news/quokka-old-name'))
        .toEqual(['/news/quokka-old-name', 301, '/news/quokka-current'])
      await expect
        .poll(() => answer(null, '/2019/05/05/quokka-staff-made/'))
        .toEqual(['/2019/05/05/quokka-staff-made/', 301, '/news/quokka-current'])
      expect(await redirectFrom('/news/quokka-current')).toBeUndefined()
    }
    await stillStaffs()
    await expect.poll(() => answer(null, '/?p=601')).toEqual(['/?p=601', 301, '/news/quokka-current-2'])
    const undone = await undoImport(bed.database.db, done.importId as string, 'cli')
    expect(undone).toMatchObject({ posts: 2, redirects: 2 })
    await stillStaffs()
    expect(await redirectFrom('/?p=601')).toBeUndefined()
  })

  it("keeps the Hub's routes its own: pages named like them get other slugs, and their old addresses do not redirect", async () => {
    const site = 'https://routes.example'
    const routes = ['news', 'search', 'sign-in', 'api', 'staff']
    const asked = ['/news/', '/search/', '/sign-in/', '/api/', '/staff', '/staff/']
    const answers = async () => {
      const seen = []
      for (const address of asked) seen.push(await answer(null, address), await answer(staff, address))
      return seen
    }
    const before = await answers()
    const done = await previewThenImport(
      'routes.xml',
      routes.map((slug, n) =>
        pageOf(site, 300 + n, slug, slug, slug === 'staff' ? { link: `${site}/staff` } : {}),
      ),
      site,
    )
    expect(done).toMatchObject({ pages: { created: 5 }, redirects: { skipped: 5 } })
    expect(done.warnings).toContain(
      "5 old addresses are the Hub's own (one of its routes or pages) and will not redirect: /news/, /search/, /sign-in/, /api/, /staff.",
    )
    expect(summaryText(done)).toMatch(/^Redirects: \d+ created, 0 unchanged, 5 skipped\.$/m)
    expect(await answers()).toEqual(before)
    for (const address of asked) expect(await redirectFrom(address)).toBeUndefined()
    // The pages are there under their new names, and WordPress's own /?page_id= links find them.
    const pages = await bed.database.db
      .select({ slug: sitePages.slug })
      .from(sitePages)
      .where(like(sitePages.importKey, `wp:${site}:%`))
    expect(pages.map((p) => p.slug).sort()).toEqual(['api-2', 'news-2', 'search-2', 'sign-in-2', 'staff-2'])
    await expect.poll(() => answer(null, '/?page_id=300')).toEqual(['/?page_id=300', 301, '/news-2'])
  })
})
