/** One library item as its page and its editors read it, with its attachments and the call it was presented on. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { LibraryKind, LibraryStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { Viewer } from '#src/http/viewer.ts'
import { isUuid } from '#src/lib/ids.ts'

export type ItemAttachment = {
  fileId: string
  name: string
  contentType: string
  size: number
  position: number
  /** Whether text could be read from it (PDFs) for search. */
  hasText: boolean
}

export type LibraryItem = {
  id: string
  slug: string
  kind: LibraryKind
  title: string
  summary: string
  publishedOn: string | null
  bodyMarkdown: string
  links: { title: string; url: string }[]
  tags: string[]
  focusIndustries: string[]
  visibility: 'public' | 'members'
  status: LibraryStatus
  callId: string | null
  callDate: string | null
  submittedBy: string | null
  submitterName: string | null
  approvedAt: string | null
  attachments: ItemAttachment[]
}

/** The item with this slug (or id), whatever its status, or undefined. */
export async function findItem(db: DbOrTx, slugOrId: string): Promise<LibraryItem | undefined> {
  const match = isUuid(slugOrId) ? sql`b.id = ${slugOrId}::uuid` : sql`b.slug = ${slugOrId}`
  const [item] = await queryRows<Omit<LibraryItem, 'attachments'>>(
    db,
    sql`select b.id::text as id, b.slug, b.kind, b.title, b.summary, b.published_on::text as "publishedOn",
        b.body_markdown as "bodyMarkdown", b.links, b.tags, b.focus_industries as "focusIndustries",
        b.visibility, b.status, b.call_id::text as "callId", c.local_date::text as "callDate",
        b.submitted_by::text as "submittedBy", p.full_name as "submitterName", b.approved_at::text as "approvedAt"
      from briefings b left join calls c on c.id = b.call_id left join people p on p.id = b.submitted_by
      where ${match}`,
  )
  if (!item) return undefined
  const attachments = await queryRows<ItemAttachment>(
    db,
    sql`select f.id::text as "fileId", f.name, f.content_type as "contentType", f.size, a.position,
        (a.extracted_text <> '') as "hasText"
      from briefing_attachments a join stored_files f on f.id = a.file_id
      where a.briefing_id = ${item.id}::uuid order by a.position, f.name`,
  )
  return { ...item, attachments: attachments.map((a) => ({ ...a, size: Number(a.size) })) }
}

/**
 * Whether the viewer may read the item: a published item of a visibility they may see; an
 * unpublished one only to staff and the person who submitted it.
 */
export function canRead(viewer: Viewer, item: LibraryItem, visibilities: readonly string[]): boolean {
  if (item.status === 'published') return visibilities.includes(item.visibility)
  if (viewer.kind !== 'user') return false
  return viewer.roles.includes('staff') || (item.submittedBy !== null && item.submittedBy === viewer.personId)
}
