/** What a WordPress export (WXR) holds, as the reader hands it over: text decoded, CDATA joined. */

/** The channel: the exported site. */
export type WxrChannel = {
  title: string
  link: string
  /** '1.0', '1.1' or '1.2' (from `wp:wxr_version`; the namespace's when the element is missing). */
  wxrVersion: string
  baseSiteUrl: string
  baseBlogUrl: string
}

/** A `wp:author`: the login that items name in `dc:creator`. */
export type WxrAuthor = { login: string; email: string; displayName: string }

/** A category, tag or other term defined in the channel. */
export type WxrTerm = { taxonomy: 'category' | 'post_tag' | string; slug: string; name: string }

/** One `item`: a post, page, attachment, menu item or custom type. */
export type WxrItem = {
  title: string
  link: string
  pubDate: string
  creator: string
  guid: string
  content: string
  excerpt: string
  postId: number
  postDate: string
  postDateGmt: string
  postName: string
  status: string
  parentId: number
  menuOrder: number
  type: string
  password: string
  /** `category` elements: domain 'category' or 'post_tag' (others kept as they come). */
  terms: { domain: string; slug: string; name: string }[]
  comments: number
  attachmentUrl: string
  /** A menu item's target, from its `wp:postmeta` (`_menu_item_*`); empty on other items. */
  menuItem: WxrMenuItemMeta
}

/**
 * What a `nav_menu_item` points at: `itemType` 'post_type' and `object` 'page' for a page, whose
 * id is `objectId`; `parentItem` is the menu item it hangs under (0: the menu's top level).
 */
export type WxrMenuItemMeta = { itemType: string; object: string; objectId: number; parentItem: number }

/** What the reader calls as it reads a file. */
export type WxrHandlers = {
  channel?: (channel: WxrChannel) => void
  author?: (author: WxrAuthor) => void
  term?: (term: WxrTerm) => void
  /** Called for each item in file order; awaited before more of the file is read. */
  item: (item: WxrItem) => Promise<void> | void
  progress?: (read: { items: number; bytes: number }) => void
}

export type WxrRead = { sha256: string; bytes: number; items: number; channel: WxrChannel }

/** A file that is not well-formed XML: where and why. */
export class WxrSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`The file is not well-formed XML: ${reason} (line ${line}, column ${column}).`)
  }
}

/** A well-formed file that is not a WordPress export (no channel, no wp namespace). */
export class WxrFormatError extends Error {}

/**
 * A file the import will not read, at a place a person can find in an editor: too deep, too
 * long, an element where WordPress writes text, bytes that are not in the file's encoding.
 */
export class WxrRefusedError extends WxrFormatError {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${reason} (line ${line}, column ${column}).`)
  }
}
