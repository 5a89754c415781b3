import { createHash } from 'node:crypto'
import type { ContentVisibility, PublicationStatus } from '#src/db/schema/index.ts'
import { cleanBody, cleanExcerpt } from './clean-body.ts'
import type { ExistingRow } from './existing.ts'
import { cleanTitle, itemInstant, mapStatus } from './map-fields.ts'
import type { PlannedEntry } from './plan.ts'
import type { AttachmentUrls } from './shortcodes.ts'
import type { WxrItem } from './wxr-types.ts'

export type RowContext = {
  timeZone: string
  attachments: AttachmentUrls
  /** dc:creator (the login) -> the person it matched, or the name kept. */
  authors: Map<string, { personId: string | null; name: string }>
  warn: (message: string) => void
}

/** What a post or page of the file becomes, whichever table it goes to. */
export type MappedRow = {
  importKey: string
  title: string
  summary: string
  bodyMarkdown: string
  status: PublicationStatus
  publishAt: string | null
  visibility: ContentVisibility
  navOrder: number
  authorId: string | null
  authorName: string
  categories: string[]
  tags: string[]
}

/** WordPress keeps a menu order in a MySQL int: whole numbers up to 2,147,483,647 either way. */
const MENU_ORDER_LIMIT = 2_147_483_647

const keptOrder = (order: number) =>
  Math.min(Math.max(Math.trunc(order) || 0, -MENU_ORDER_LIMIT), MENU_ORDER_LIMIT)

export function mapRow(item: WxrItem, entry: PlannedEntry, ctx: RowContext): MappedRow {
  const mapped = mapStatus(item.status)
  let status: PublicationStatus = 'status' in mapped ? mapped.status : 'draft'
  let visibility: ContentVisibility = 'visibility' in mapped ? mapped.visibility : 'public'
  const at = itemInstant(item, ctx.timeZone)
  if (status !== 'draft' && !at) {
    ctx.warn(`${entry.kind} ${item.postId} has no date: imported as a draft.`)
    status = 'draft'
  }
  if (item.password) {
    ctx.warn(`${entry.kind} ${item.postId} was protected by a password: imported for members only.`)
    visibility = 'members'
  }
  const author = ctx.authors.get(item.creator)
  const names = (domain: string) => [
    ...new Set(item.terms.filter((t) => t.domain === domain).map((t) => cleanTitle(t.name || t.slug))),
  ]
  const title = cleanTitle(item.title) || `Untitled ${entry.kind} ${item.postId}`
  const ownOrder = keptOrder(item.menuOrder)
  if (ownOrder !== item.menuOrder)
    ctx.warn(
      `${entry.kind} ${item.postId}: its menu order ${item.menuOrder} is not a whole number WordPress keeps; it is ${ownOrder}.`,
    )
  // A page in the navigation of the file's menu takes its place in that menu (plan-navigation.ts).
  const navOrder = entry.navPosition === null ? ownOrder : keptOrder(entry.navPosition)
  return {
    importKey: entry.importKey,
    title,
    summary: cleanExcerpt(item.excerpt),
    bodyMarkdown: cleanBody(item.content, ctx.attachments),
    status,
    publishAt: status === 'draft' ? null : at,
    visibility,
    navOrder,
    authorId: entry.kind === 'post' ? (author?.personId ?? null) : null,
    authorName: entry.kind === 'post' ? (author?.name ?? item.creator) : '',
    categories: entry.kind === 'post' ? names('category') : [],
    tags: entry.kind === 'post' ? names('post_tag') : [],
  }
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')
const sameInstant = (a: string | null, b: string | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    Date.parse(a.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')) === Date.parse(b))
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** Whether the Hub's row already says what the file says (the parent is compared by the caller). */
export function isUnchanged(row: MappedRow, existing: ExistingRow, kind: 'post' | 'page'): boolean {
  const common =
    existing.title === row.title &&
    existing.summaryMd5 === md5(row.summary) &&
    existing.bodyMd5 === md5(row.bodyMarkdown) &&
    existing.status === row.status &&
    existing.visibility === row.visibility &&
    sameInstant(existing.publishAt, row.publishAt)
  if (!common) return false
  if (kind === 'page') return existing.navOrder === row.navOrder
  return (
    existing.authorId === row.authorId &&
    existing.authorName === row.authorName &&
    sameList(existing.categories, row.categories) &&
    sameList(existing.tags, row.tags)
  )
}
