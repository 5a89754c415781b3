/** What hangs on a call: its briefings and the organisations presenting, and the briefings staff can attach. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'

export type CallBriefing = { id: string; title: string; publishedOn: string | null }
/** A published library item presented on a call, as its page lists it. */
export type CallLibraryItem = CallBriefing & { slug: string; kind: 'briefing' | 'resource' }
export type PresentationSlot = {
  organizationName: string
  organizationSlug: string
  status: string
  title: string | null
}

/** The published library items of a call (the page is for members: both visibilities) and the organisations presenting on it. */
export async function callAttachments(
  db: DbOrTx,
  callId: string,
): Promise<{ briefings: CallLibraryItem[]; presentations: PresentationSlot[] }> {
  const [attached, slots] = await Promise.all([
    queryRows<CallLibraryItem>(
      db,
      sql`select id::text as "id", slug, kind, title, published_on::text as "publishedOn" from briefings
        where call_id = ${callId} and status = 'published' order by published_on desc nulls last, title`,
    ),
    queryRows<PresentationSlot>(
      db,
      sql`select o.name as "organizationName", o.slug as "organizationSlug", p.status, p.title
        from presentations p join organizations o on o.id = p.organization_id
        where p.call_id = ${callId} order by o.name`,
    ),
  ])
  return { briefings: attached, presentations: slots }
}

export type BriefingChoice = CallBriefing & { callDate: string | null }

/** Every briefing, newest first, with the date of the call it is attached to (if any). */
export async function briefingChoices(db: DbOrTx): Promise<BriefingChoice[]> {
  return queryRows<BriefingChoice>(
    db,
    sql`select b.id::text as "id", b.title, b.published_on::text as "publishedOn",
        c.local_date::text as "callDate"
      from briefings b left join calls c on c.id = b.call_id
      order by b.published_on desc nulls last, b.title`,
  )
}
