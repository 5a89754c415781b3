import { and, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { attendanceQuestions } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { seatHoldersOn } from '#src/features/seats/index.ts'
import { AppError, refused } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import { type QuestionCall, questionRefusal } from './question-call.ts'

/**
 * Records a seat holder's question about a held call: `personId` (the asker or the other seat
 * holder of the day) was there, appearing as `appearedAs`. Only a seat holder of the organisation
 * on the call's day may ask; one open question per call and person. In one transaction, the
 * call's row locked so that two questions about the same person cannot both be recorded.
 */
export async function askQuestion(
  db: Db,
  input: {
    organizationId: string
    callId: string
    askedBy: string
    personId: string
    appearedAs: string
    note: string
    today: string
  },
): Promise<{ id: string }> {
  return writeAs(db, `person:${input.askedBy}`, async (tx) => {
    const [call] = await queryRows<QuestionCall>(
      tx,
      sql`select id, local_date::text as "localDate", status from calls where id = ${input.callId} for update`,
    )
    if (!call) throw new AppError('NOT_FOUND', { userMessage: 'The call no longer exists.' })
    const refusal = questionRefusal(call, input.today)
    if (refusal) throw refused(null, refusal)
    const holders = Object.values(await seatHoldersOn(tx, input.organizationId, call.localDate))
    const day = formatDate(call.localDate)
    if (!holders.some((h) => h?.id === input.askedBy))
      throw new AppError('FORBIDDEN', {
        userMessage: `Only the representative or alternate who held the organisation’s seat on ${day} can ask about its attendance.`,
      })
    const person = holders.find((h) => h?.id === input.personId)
    if (!person)
      throw new AppError('BAD_INPUT', {
        field: 'personId',
        userMessage: `Choose one of the organisation’s seat holders on ${day}.`,
      })
    const [open] = await tx
      .select({ id: attendanceQuestions.id })
      .from(attendanceQuestions)
      .where(
        and(
          eq(attendanceQuestions.callId, call.id),
          eq(attendanceQuestions.personId, person.id),
          eq(attendanceQuestions.status, 'open'),
        ),
      )
    if (open)
      throw refused(
        'personId',
        `A question about ${person.fullName} on the call of ${day} is already open: staff will answer it.`,
      )
    const [row] = await tx
      .insert(attendanceQuestions)
      .values({
        callId: call.id,
        organizationId: input.organizationId,
        personId: person.id,
        askedBy: input.askedBy,
        appearedAs: input.appearedAs,
        note: input.note === '' ? null : input.note,
      })
      .returning({ id: attendanceQuestions.id })
    return { id: (row as { id: string }).id }
  })
}
