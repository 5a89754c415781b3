import type { MenuItem } from './collect.ts'
import type { Plan } from './plan.ts'

/** The menu an import's navigation follows, and the top-level pages it shows and leaves out. */
export type NavigationPlan = { menu: string; shown: number; left: number }

/**
 * Which imported pages go into the Hub's navigation, and in what order. A WordPress site shows a
 * menu it made (Appearance, Menus); one without a menu lists its top-level pages in their order,
 * as the Hub does. So, with no menu in the file, every top-level page goes into the navigation in
 * its own order. With menus, the one listing the most of the file's pages is taken as the main one
 * (an export does not say which menu the theme showed): the top-level pages on its top level go
 * into the navigation in the menu's order, and the other top-level pages are imported out of it.
 * Only a new page takes this; a page an earlier import wrote keeps what staff chose since.
 */
export function planNavigation(plan: Plan, menuItems: readonly MenuItem[] = []) {
  const isImportedPage = (id: number) => plan.entries.get(id)?.kind === 'page'
  const listed = new Map<string, Map<number, number>>()
  for (const item of menuItems) {
    if (!item.isTopLevel || !isImportedPage(item.pageId)) continue
    const pages = listed.get(item.menu) ?? new Map<number, number>()
    if (!pages.has(item.pageId)) pages.set(item.pageId, item.order)
    listed.set(item.menu, pages)
  }
  let main: [string, Map<number, number>] | undefined
  for (const entry of listed) if (!main || entry[1].size > main[1].size) main = entry
  if (!main) return
  const [menu, positions] = main
  const name = menuItems.find((item) => item.menu === menu)?.menuName || menu
  let shown = 0
  let left = 0
  for (const entry of plan.entries.values()) {
    if (entry.kind !== 'page' || entry.parentPostId !== 0) continue
    const position = positions.get(entry.meta.postId)
    entry.inNavigation = position !== undefined
    entry.navPosition = position ?? null
    if (position === undefined) left += 1
    else shown += 1
  }
  plan.navigation = { menu: name, shown, left }
}
