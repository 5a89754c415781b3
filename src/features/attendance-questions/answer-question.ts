import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import type { AttendanceQuestionStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError, refused } from '#src/lib/errors.ts'

type OpenQuestion = { id: string; callId: string; personId: string; status: AttendanceQuestionStatus }

/**
 * Staff's answer to a question, in one transaction recorded against the staff member (the audit
 * log keeps who; `reason` says why). Accepting writes the person's attendance of the call as a
 * 'correction' of the minimum minutes that count (settings), so the call counts for the
 * organisation; a longer record of the same kind is kept as it is. Declining needs a reason.
 * A question answered already is refused.
 */
export async function answerQuestion(
  db: Db,
  input: { questionId: string; staffId: string; answer: 'accepted' | 'declined'; reason: string; now: Date },
): Promise<void> {
  if (input.answer === 'declined' && input.reason === '')
    throw new AppError('BAD_INPUT', { field: 'reason', userMessage: 'Say why the question is declined.' })
  await writeAs(db, `person:${input.staffId}`, async (tx) => {
    const [question] = await queryRows<OpenQuestion>(
      tx,
      sql`select id, call_id as "callId", person_id as "personId", status from attendance_questions
        where id = ${input.questionId} for update`,
    )
    if (!question) throw new AppError('NOT_FOUND', { userMessage: 'No question has this address.' })
    if (question.status !== 'open') throw refused(null, `This question was ${question.status} already.`)
    await tx.execute(
      sql`update attendance_questions set status = ${input.answer}, answered_by = ${input.staffId},
        answered_at = ${input.now.toISOString()}, answer_reason = ${input.reason === '' ? null : input.reason}
        where id = ${question.id}`,
    )
    if (input.answer === 'declined') return
    const seconds = (await getSettings(tx)).minimumAttendanceMinutes * 60
    await tx.execute(
      sql`insert into attendance (call_id, person_id, seconds, source)
        values (${question.callId}, ${question.personId}, ${seconds}, 'correction')
        on conflict (call_id, person_id) where import_id is null do update
          set seconds = excluded.seconds, source = excluded.source, first_join = null, last_leave = null
          where attendance.seconds < excluded.seconds`,
    )
  })
}
