import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { AttendanceQuestionStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'

/** A question as the pages show it: the call, who asked about whom, and staff's answer. */
export type QuestionRow = {
  id: string
  callDate: string
  organizationName: string
  organizationSlug: string
  personName: string
  askedByName: string | null
  appearedAs: string
  note: string | null
  status: AttendanceQuestionStatus
  answeredByName: string | null
  answeredAt: string | null
  answerReason: string | null
  createdAt: string
}

/**
 * The questions matching `where` (over q, the question, and c, its call), newest call first.
 * @example questionRows(db, sql`q.status = 'open'`)
 */
export function questionRows(db: DbOrTx, where: SQL, limit = 200): Promise<QuestionRow[]> {
  return queryRows<QuestionRow>(
    db,
    sql`select q.id, c.local_date::text as "callDate", o.name as "organizationName",
        o.slug as "organizationSlug", p.full_name as "personName", asker.full_name as "askedByName",
        q.appeared_as as "appearedAs", q.note, q.status, answerer.full_name as "answeredByName",
        to_json(q.answered_at) #>> '{}' as "answeredAt", q.answer_reason as "answerReason",
        to_json(q.created_at) #>> '{}' as "createdAt"
      from attendance_questions q
      join calls c on c.id = q.call_id
      join organizations o on o.id = q.organization_id
      join people p on p.id = q.person_id
      left join people asker on asker.id = q.asked_by
      left join people answerer on answerer.id = q.answered_by
      where ${where}
      order by c.local_date desc, q.created_at desc
      limit ${limit}`,
  )
}
