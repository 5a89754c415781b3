import type { WxrItem } from './wxr-types.ts'

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
})
