import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { mergePresence, reachesMinimum } from '#src/features/attendance/index.ts'
import { heldCallSql } from '#src/features/calls/index.ts'
import { seatHoldersOn } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { QuestionCall } from './question-call.ts'
import { type QuestionRow, questionRows } from './question-rows.ts'

/** A seat holder of the call's day, with the minutes the records give them and whether they count. */
export type HolderOnCall = { id: string; fullName: string; role: SeatRole; minutes: number; counts: boolean }

export type CallQuestions = {
  call: QuestionCall
  holders: HolderOnCall[]
  minimumMinutes: number
  questions: QuestionRow[]
}

/** One call seen by an organisation: its seat holders that day, what the records say, and the questions. */
export async function loadCallQuestions(
  db: DbOrTx,
  organizationId: string,
  call: QuestionCall,
): Promise<CallQuestions> {
  const [seats, settings, questions] = await Promise.all([
    seatHoldersOn(db, organizationId, call.localDate),
    getSettings(db),
    questionRows(db, sql`q.organization_id = ${organizationId} and q.call_id = ${call.id}`),
  ])
  const minimumMinutes = settings.minimumAttendanceMinutes
  const seated = (['representative', 'alternate'] as const).flatMap((role) => {
    const person = seats[role]
    return person ? [{ ...person, role }] : []
  })
  const ids = seated.map((p) => p.id)
  const records =
    ids.length === 0
      ? []
      : await queryRows<{
          personId: string
          seconds: number
          firstJoin: string | null
          lastLeave: string | null
        }>(
          db,
          sql`select person_id as "personId", seconds, first_join::text as "firstJoin",
              last_leave::text as "lastLeave" from attendance
            where call_id = ${call.id} and person_id in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})`,
        )
  const holders: HolderOnCall[] = seated.map((person) => {
    const own = records.filter((r) => r.personId === person.id)
    const { seconds } = own.length > 0 ? mergePresence(own) : { seconds: 0 }
    return {
      id: person.id,
      fullName: person.fullName,
      role: person.role,
      minutes: Math.floor(seconds / 60),
      counts: reachesMinimum({ seconds }, minimumMinutes),
    }
  })
  return { call, holders, minimumMinutes, questions }
}

/** The organisation's questions, and its held calls of the last 90 days to ask about. */
export async function loadOrganizationQuestions(
  db: DbOrTx,
  organizationId: string,
  today: string,
): Promise<{ questions: QuestionRow[]; recentCalls: string[] }> {
  const [questions, calls] = await Promise.all([
    questionRows(db, sql`q.organization_id = ${organizationId}`),
    queryRows<{ localDate: string }>(
      db,
      sql`select c.local_date::text as "localDate" from calls c
        where ${heldCallSql('c', today)} and c.local_date >= ${today}::date - 90
        order by c.local_date desc`,
    ),
  ])
  return { questions, recentCalls: calls.map((c) => c.localDate) }
}
