import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { isUuid } from '#src/lib/ids.ts'

export type AnnouncementSummary = {
  id: string
  subject: string
  audience: string
  sentAt: string
  sentByName: string | null
  addressed: number
  reached: number
}

const summaryColumns = sql`a.id::text as id, a.subject, a.audience, a.sent_at::text as "sentAt",
  p.full_name as "sentByName",
  (select count(*)::int from announcement_recipients r where r.announcement_id = a.id) as addressed,
  (select count(*)::int from announcement_recipients r where r.announcement_id = a.id and r.email <> '') as reached`

/** The announcements sent, newest first, with how many they reached of how many addressed. */
export function listAnnouncements(db: DbOrTx, limit = 100): Promise<AnnouncementSummary[]> {
  return queryRows<AnnouncementSummary>(
    db,
    sql`select ${summaryColumns} from announcements a left join people p on p.id = a.sent_by
      order by a.sent_at desc, a.id limit ${limit}`,
  )
}

/** A recipient as recorded: `email` is the address it went to, '' when it did not reach them. */
export type RecordedRecipient = { personId: string; fullName: string; email: string; hasAddressNow: boolean }

export type AnnouncementRecord = AnnouncementSummary & { body: string; recipients: RecordedRecipient[] }

/** One announcement with everyone it was addressed to, reached or not; undefined when there is none. */
export async function findAnnouncement(db: DbOrTx, id: string): Promise<AnnouncementRecord | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await queryRows<AnnouncementSummary & { body: string }>(
    db,
    sql`select ${summaryColumns}, a.body_markdown as body from announcements a
      left join people p on p.id = a.sent_by where a.id = ${id}::uuid`,
  )
  if (!row) return undefined
  const recipients = await queryRows<RecordedRecipient>(
    db,
    sql`select p.id::text as "personId", p.full_name as "fullName", r.email,
        trim(p.email) ~ '^[^[:space:]@]+@[^[:space:]@]+$' as "hasAddressNow"
      from announcement_recipients r join people p on p.id = r.person_id
      where r.announcement_id = ${id}::uuid order by r.email = '' desc, lower(p.full_name), p.id`,
  )
  return { ...row, recipients }
}
