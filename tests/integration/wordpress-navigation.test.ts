import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { writeAs } from '#src/db/actor.ts'
import { sitePages } from '../../src/db/schema/index.ts'
import { summaryText } from '../../src/features/wordpress/index.ts'
import { importTestBed } from '../support/import-test-bed.ts'
import { testEngine } from '../support/test-database.ts'
import {
  importAsCli,
  menuItemOf,
  pageOf,
  siteExport,
  type WxrItemSpec,
  writeWxr,
} from '../support/wxr-files.ts'

const bed = importTestBed('hub-wordpress-nav-')

const importFile = async (name: string, site: string, items: WxrItemSpec[]) =>
  importAsCli(bed.database.db, await writeWxr(bed.dir, name, siteExport(site, items)))

/** The main navigation's entries as a visitor sees them (the cache follows each write). */
async function navigation(): Promise<string[]> {
  const html = await (await bed.t.app.request('/')).text()
  const nav = /<nav class="site-nav" aria-label="Main">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
  return [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1] ?? '')
}

describe(`the navigation of an imported WordPress site on ${testEngine}`, () => {
  const site = 'https://menus.example'
  const pages = [
    pageOf(site, 10, 'quokka-about', 'quokka-about', { order: 1 }),
    pageOf(site, 11, 'quokka-board', 'quokka-about/quokka-board', { parent: 10 }),
    pageOf(site, 12, 'quokka-join', 'quokka-join', { order: 2 }),
    pageOf(site, 13, 'quokka-privacy', 'quokka-privacy', { order: 3 }),
    pageOf(site, 14, 'quokka-archive', 'quokka-archive', { order: 4 }),
  ]
  const menus = [
    // The main menu: Join before About, and the board page (not top level in the Hub) under About.
    menuItemOf(20, 12, 1),
    menuItemOf(21, 10, 2),
    menuItemOf(22, 11, 3, undefined, 21),
    // A smaller footer menu, and a custom link WordPress also writes as a menu item.
    menuItemOf(23, 13, 1, ['footer', 'Footer']),
    { ...menuItemOf(24, 0, 3), meta: [['_menu_item_type', 'custom'] as [string, string]] },
  ]

  it("shows the pages of the site's main menu, in its order, and leaves the other top-level pages out", async () => {
    const before = await navigation()
    const done = await importFile('menus.xml', site, [...pages, ...menus])
    expect(done.pages).toMatchObject({ created: 5 })
    expect(done.navigation).toEqual({ menu: 'Primary', shown: 2, left: 2 })
    expect(summaryText(done)).toContain(
      "Navigation: it follows the site's menu “Primary”: 2 top-level pages in it, 2 top-level pages left out of it (staff can add them).",
    )
    await expect
      .poll(navigation)
      .toEqual([...before.slice(0, 1), '/quokka-join', '/quokka-about', ...before.slice(1)])
    // The pages left out are there all the same.
    expect((await bed.t.app.request('/quokka-privacy')).status).toBe(200)
    expect((await bed.t.app.request('/quokka-archive')).status).toBe(200)
  })

  it("keeps staff's choice when the file is imported again", async () => {
    await writeAs(bed.database.db, 'system', (tx) =>
      tx.update(sitePages).set({ showInNav: true }).where(eq(sitePages.slug, 'quokka-privacy')),
    )
    const changed = pages.map((p) => (p.id === 13 ? { ...p, content: '<p>Privacy, revised.</p>' } : p))
    const again = await importFile('menus-2.xml', site, [...changed, ...menus])
    expect(again.pages).toMatchObject({ created: 0, updated: 1, unchanged: 4 })
    await expect.poll(navigation).toContain('/quokka-privacy')
    expect(await navigation()).not.toContain('/quokka-archive')
  })

  it('shows every top-level page of a site without a menu, as before', async () => {
    const plain = 'https://no-menus.example'
    const done = await importFile('plain.xml', plain, [
      pageOf(plain, 30, 'quokka-mission', 'quokka-mission'),
      pageOf(plain, 31, 'quokka-history', 'quokka-history'),
    ])
    expect(done.navigation).toBeUndefined()
    expect(summaryText(done)).not.toContain('Navigation:')
    await expect.poll(navigation).toEqual(expect.arrayContaining(['/quokka-mission', '/quokka-history']))
  })
})
