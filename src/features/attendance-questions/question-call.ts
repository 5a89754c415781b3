import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { CallStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isHeld } from '#src/features/calls/index.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { formatDate } from '#src/ui/format.ts'

/** What a question needs of its call. */
export type QuestionCall = { id: string; localDate: string; status: CallStatus }

/** The call of a date ('2026-11-23'), or undefined. */
export async function callOfDate(db: DbOrTx, localDate: string): Promise<QuestionCall | undefined> {
  if (!isIsoDate(localDate)) return undefined
  const [call] = await queryRows<QuestionCall>(
    db,
    sql`select id, local_date::text as "localDate", status from calls where local_date = ${localDate}::date`,
  )
  return call
}

/** Why nobody can ask about this call's attendance on `today` (cancelled, or not yet held), or null. */
export function questionRefusal(
  call: Pick<QuestionCall, 'localDate' | 'status'>,
  today: string,
): string | null {
  const day = formatDate(call.localDate)
  if (call.status === 'cancelled')
    return `The call of ${day} was cancelled: it has no attendance to question.`
  if (!isHeld(call, today))
    return `The call of ${day} has not been held yet: ask about its attendance once the day is over.`
  return null
}
