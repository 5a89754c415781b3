import type { WxrChannel, WxrHandlers, WxrItem, WxrMenuItemMeta } from './wxr-types.ts'

/** `wp:` is http(s)://wordpress.org/export/1.x/ and `excerpt:` the same with excerpt/ after it. */
export const WP = /^https?:\/\/wordpress\.org\/export\/(1\.\d+)\/$/
const EXCERPT = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/
const CONTENT = /^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/
const DC = /^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/

/** A short name for an element whatever prefix the file gave its namespace: 'wp:post_id', 'title'. */
export function nameOf(tag: { uri: string; local: string }): string {
  if (tag.uri === '') return tag.local
  if (WP.test(tag.uri)) return `wp:${tag.local}`
  if (EXCERPT.test(tag.uri)) return `excerpt:${tag.local}`
  if (CONTENT.test(tag.uri)) return `content:${tag.local}`
  if (DC.test(tag.uri)) return `dc:${tag.local}`
  return `{${tag.uri}}${tag.local}`
}

type Kind = 'text' | 'raw' | 'number'
type StringKey = { [K in keyof WxrItem]: WxrItem[K] extends string | number ? K : never }[keyof WxrItem]

/** The elements of an item the import reads, by their namespace-independent name. */
export const itemFields = {
  title: ['title', 'text'],
  link: ['link', 'text'],
  pubDate: ['pubDate', 'text'],
  'dc:creator': ['creator', 'text'],
  guid: ['guid', 'text'],
  'content:encoded': ['content', 'raw'],
  'excerpt:encoded': ['excerpt', 'raw'],
  'wp:post_id': ['postId', 'number'],
  'wp:post_date': ['postDate', 'text'],
  'wp:post_date_gmt': ['postDateGmt', 'text'],
  'wp:post_name': ['postName', 'text'],
  'wp:status': ['status', 'text'],
  'wp:post_parent': ['parentId', 'number'],
  'wp:menu_order': ['menuOrder', 'number'],
  'wp:post_type': ['type', 'text'],
  'wp:post_password': ['password', 'text'],
  'wp:attachment_url': ['attachmentUrl', 'text'],
} as Record<string, [StringKey, Kind]>

export type ItemField = keyof typeof itemFields

/** The channel's elements the import reads. */
export const channelFields = new Set([
  'title',
  'link',
  'wp:wxr_version',
  'wp:base_site_url',
  'wp:base_blog_url',
])

/** The elements of a `wp:author`, `wp:category`, `wp:tag` or `wp:term` the import reads. */
export const recordFields = new Set(
  [
    'author_login',
    'author_email',
    'author_display_name',
    'category_nicename',
    'cat_name',
    'tag_slug',
    'tag_name',
    'term_taxonomy',
    'term_slug',
    'term_name',
  ].map((name) => `wp:${name}`),
)

export const emptyItem = (): WxrItem => ({
  title: '',
  link: '',
  pubDate: '',
  creator: '',
  guid: '',
  content: '',
  excerpt: '',
  postId: 0,
  postDate: '',
  postDateGmt: '',
  postName: '',
  status: '',
  parentId: 0,
  menuOrder: 0,
  type: '',
  password: '',
  terms: [],
  comments: 0,
  attachmentUrl: '',
  menuItem: { itemType: '', object: '', objectId: 0, parentItem: 0 },
})

/**
 * The post meta the import reads, by its key: only a menu item's target. Other values (serialised
 * PHP, often large) are never kept: the reader holds a meta value only when its key is one of these.
 */
const menuMetaKeys: Record<string, keyof WxrMenuItemMeta> = {
  _menu_item_type: 'itemType',
  _menu_item_object: 'object',
  _menu_item_object_id: 'objectId',
  _menu_item_menu_item_parent: 'parentItem',
}

export const isReadMetaKey = (key: string): boolean => Object.hasOwn(menuMetaKeys, key)

export function setItemMeta(item: WxrItem, key: string, value: string) {
  const field = Object.hasOwn(menuMetaKeys, key) ? menuMetaKeys[key] : undefined
  if (field === 'objectId' || field === 'parentItem')
    item.menuItem[field] = Number.parseInt(value.trim(), 10) || 0
  else if (field) item.menuItem[field] = value.trim()
}

export function setItemField(item: WxrItem, name: ItemField, value: string) {
  const field = itemFields[name]
  if (!field) return
  const [key, kind] = field
  if (kind === 'number') (item[key] as number) = Number.parseInt(value.trim(), 10) || 0
  else (item[key] as string) = kind === 'raw' ? value : value.trim()
}

export function setChannelField(channel: WxrChannel, name: string, value: string) {
  if (name === 'title') channel.title = value
  else if (name === 'link') channel.link = value
  else if (name === 'wp:wxr_version') channel.wxrVersion = value
  else if (name === 'wp:base_site_url') channel.baseSiteUrl = value
  else if (name === 'wp:base_blog_url') channel.baseBlogUrl = value
}

export function emitRecord(name: string, r: Record<string, string>, handlers: WxrHandlers) {
  const get = (key: string) => r[`wp:${key}`] ?? ''
  if (name === 'wp:author')
    handlers.author?.({
      login: get('author_login'),
      email: get('author_email'),
      displayName: get('author_display_name'),
    })
  else if (name === 'wp:category')
    handlers.term?.({ taxonomy: 'category', slug: get('category_nicename'), name: get('cat_name') })
  else if (name === 'wp:tag')
    handlers.term?.({ taxonomy: 'post_tag', slug: get('tag_slug'), name: get('tag_name') })
  else if (name === 'wp:term')
    handlers.term?.({ taxonomy: get('term_taxonomy'), slug: get('term_slug'), name: get('term_name') })
}
