import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { applicationEvents, applications } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { multiLineProblem } from '#src/lib/text.ts'
import { formatNumber } from '#src/ui/format.ts'
import { draftLimits } from './draft-fields.ts'
import { conflict, lockOwn } from './own-application.ts'
import { count, firstMessage, refuse } from './text-checks.ts'

/** The answer to a request for more information: some text, up to its limit; line breaks kept. */
export const answerText = z.string().transform((answer, ctx) => {
  if (answer.trim() === '') return refuse(ctx, 'Write your answer to the staff’s questions.')
  const problem = multiLineProblem(answer, 'answer')
  if (problem) return refuse(ctx, problem)
  if (Array.from(answer.trim()).length > draftLimits.answer)
    return refuse(
      ctx,
      `Write at most ${formatNumber(draftLimits.answer)} characters (this answer has ${count(answer.trim())}).`,
    )
  return answer.replace(/\r\n?/g, '\n').trim()
})

/** Checks the answer to a request for more information; undefined when it is fine. */
export function checkAnswer(answer: string): string | undefined {
  const parsed = answerText.safeParse(answer)
  return parsed.success ? undefined : firstMessage(parsed.error)
}

/**
 * The applicant answers staff's request for more information: an 'answered' event with the
 * answer, the next round, and the application back with staff ('submitted'). Returns the
 * round and the answer as stored.
 */
export async function answerInformationRequest(
  db: Db,
  options: { applicationId: string; personId: string; answer: string },
): Promise<{ round: number; answer: string }> {
  const answer = answerText.safeParse(options.answer)
  if (!answer.success) throw new AppError('BAD_INPUT', { userMessage: firstMessage(answer.error) })
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.status !== 'needs_info') throw conflict('Staff have not asked for more information.')
    const round = app.round + 1
    await tx
      .update(applications)
      .set({ status: 'submitted', round, updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      kind: 'answered',
      actorId: options.personId,
      round,
      comment: answer.data,
    })
    return { round, answer: answer.data }
  })
}
