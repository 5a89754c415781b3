import { cleanTitle } from './map-fields.ts'
import { own } from './own-string.ts'
import { readWxr } from './wxr-reader.ts'
import type { WxrAuthor, WxrChannel, WxrItem } from './wxr-types.ts'

/** What the first pass keeps of an item: never its body. */
export type ItemMeta = Pick<
  WxrItem,
  'postId' | 'type' | 'status' | 'parentId' | 'menuOrder' | 'postName' | 'title' | 'link' | 'guid' | 'creator'
>

/** The whole file, read once in bounded memory: its checksum and what the plan needs. */
export type Collected = {
  channel: WxrChannel
  sha256: string
  bytes: number
  items: number
  authors: WxrAuthor[]
  /** Term names by taxonomy ('category', 'post_tag'): the channel's definitions and the items' own. */
  terms: Map<string, Set<string>>
  /** Posts and pages, in file order. */
  entries: ItemMeta[]
  /** Attachment URLs by post id, the first of a repeated id: what [gallery ids] shows. */
  attachments: Map<number, string>
  /** Every attachment of the file, in file order, a repeated id included. */
  attachmentLinks: { postId: number; url: string }[]
  others: { postId: number; type: string }[]
  /** The menu items that point at a page, in file order (plan-navigation.ts). */
  menuItems: MenuItem[]
  comments: number
}

/** A `nav_menu_item` pointing at a page: its menu (the `nav_menu` term's slug), place and page. */
export type MenuItem = { menu: string; menuName: string; order: number; pageId: number; isTopLevel: boolean }

export type Progress = (read: { items: number; bytes: number }) => void

/** The first pass: checks the whole file is well-formed and keeps what planning needs. */
export async function collectWxr(file: string, progress?: Progress): Promise<Collected> {
  const authors: WxrAuthor[] = []
  const terms = new Map<string, Set<string>>()
  const addTerm = (taxonomy: string, name: string) => {
    const text = own(cleanTitle(name))
    if (!text) return
    const set = terms.get(taxonomy) ?? new Set<string>()
    terms.set(own(taxonomy), set.add(text))
  }
  const entries: ItemMeta[] = []
  const attachments = new Map<number, string>()
  const attachmentLinks: Collected['attachmentLinks'] = []
  const others: Collected['others'] = []
  const menuItems: MenuItem[] = []
  let comments = 0
  const read = await readWxr(file, {
    author: (a) =>
      authors.push({ login: own(a.login), email: own(a.email), displayName: own(a.displayName) }),
    term: (term) => addTerm(term.taxonomy, term.name || term.slug),
    progress,
    item: (item) => {
      comments += item.comments
      for (const term of item.terms) addTerm(term.domain, term.name || term.slug)
      if (item.type === 'post' || item.type === 'page') {
        const { postId, type, status, parentId, menuOrder, postName, title, link, guid, creator } = item
        entries.push({
          postId,
          type: own(type),
          status: own(status),
          parentId,
          menuOrder,
          postName: own(postName),
          title: own(title),
          link: own(link),
          guid: own(guid),
          creator: own(creator),
        })
      } else if (item.type === 'attachment') {
        const url = own(item.attachmentUrl || item.guid)
        if (!attachments.has(item.postId)) attachments.set(item.postId, url)
        attachmentLinks.push({ postId: item.postId, url })
      } else {
        others.push({ postId: item.postId, type: own(item.type || 'unknown') })
        const target = item.menuItem
        const menu = item.terms.find((t) => t.domain === 'nav_menu')
        if (
          item.type === 'nav_menu_item' &&
          menu &&
          target.itemType === 'post_type' &&
          target.object === 'page'
        )
          menuItems.push({
            menu: own(menu.slug || menu.name),
            menuName: own(cleanTitle(menu.name || menu.slug)),
            order: item.menuOrder,
            pageId: target.objectId,
            isTopLevel: target.parentItem === 0,
          })
      }
    },
  })
  return { ...read, authors, terms, entries, attachments, attachmentLinks, others, menuItems, comments }
}
