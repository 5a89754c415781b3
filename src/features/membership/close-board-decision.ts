import { eq } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { people } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { currentTally } from './board-votes.ts'
import { emailDecision, lockForBoard, type RecordedDecision, recordDecision } from './record-decision.ts'
import { hasQuorum, outcomeOf, votesIn } from './tally.ts'

/**
 * Staff close the board's decision on the votes so far: refused until the quorum is met.
 * The outcome is a simple majority of votes cast (approve > reject; a tie rejects).
 */
export async function closeBoardDecision(
  db: Db,
  mailer: Mailer,
  options: {
    applicationId: string
    staffPersonId: string
    comment: string | null
    today: string
    origin: string
  },
): Promise<RecordedDecision> {
  const settings = await getSettings(db)
  const result = await writeAs(db, `person:${options.staffPersonId}`, async (tx) => {
    const app = await lockForBoard(tx, options.applicationId)
    const tally = await currentTally(tx, app.id, {
      onDate: options.today,
      quorumShare: settings.boardQuorumShare,
    })
    if (!hasQuorum(tally))
      throw new AppError('CONFLICT', {
        userMessage: `The quorum is not met: ${votesIn(tally)} of ${tally.eligible} board members voted, and at least ${tally.quorum} must vote before the decision can be closed.`,
      })
    const [staff] = await tx
      .select({ name: people.fullName })
      .from(people)
      .where(eq(people.id, options.staffPersonId))
    const decision = await recordDecision(tx, {
      app,
      tally,
      outcome: outcomeOf(tally),
      decidedBy: options.staffPersonId,
      how: { kind: 'staff', name: staff?.name ?? 'staff', comment: options.comment },
      today: options.today,
      timeZone: settings.callTimeZone,
    })
    return { app, decision }
  })
  await emailDecision(db, mailer, {
    app: result.app,
    decision: result.decision,
    origin: options.origin,
    today: options.today,
    staffComment: options.comment,
  })
  return result.decision
}
