import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { type BoardVoteChoice, boardVotes } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'
import { currentTally, onBoard } from './board-votes.ts'
import { emailDecision, lockForBoard, type RecordedDecision, recordDecision } from './record-decision.ts'
import { settledOutcome } from './tally.ts'

/**
 * Casts or changes a board member's vote (one per member: an upsert), in one transaction
 * against the voter. When the outcome can no longer change, the decision is recorded in the
 * same transaction (and the organisation admitted on approval); the applicant is emailed
 * after it commits. Refused once the decision is recorded.
 */
export async function castVote(
  db: Db,
  mailer: Mailer,
  options: {
    applicationId: string
    voterPersonId: string
    choice: BoardVoteChoice
    comment: string | null
    today: string
    origin: string
  },
): Promise<{ decision: RecordedDecision | null }> {
  const settings = await getSettings(db)
  const result = await writeAs(db, `person:${options.voterPersonId}`, async (tx) => {
    const app = await lockForBoard(tx, options.applicationId)
    const [eligible] = await queryRows<{ yes: boolean }>(
      tx,
      sql`select ${onBoard(sql`${options.voterPersonId}::uuid`, options.today)} as yes`,
    )
    if (!eligible?.yes)
      throw new AppError('CONFLICT', {
        userMessage: `Only members of the Advisory Board on ${formatDate(options.today)} can vote.`,
      })
    await tx
      .insert(boardVotes)
      .values({
        applicationId: app.id,
        voterId: options.voterPersonId,
        choice: options.choice,
        comment: options.comment,
      })
      .onConflictDoUpdate({
        target: [boardVotes.applicationId, boardVotes.voterId],
        set: { choice: options.choice, comment: options.comment, castAt: sql`hub_now()` },
      })
    const tally = await currentTally(tx, app.id, {
      onDate: options.today,
      quorumShare: settings.boardQuorumShare,
    })
    const outcome = settledOutcome(tally)
    if (!outcome) return { app, decision: null }
    const decision = await recordDecision(tx, {
      app,
      tally,
      outcome,
      decidedBy: options.voterPersonId,
      how: { kind: 'vote' },
      today: options.today,
      timeZone: settings.callTimeZone,
    })
    return { app, decision }
  })
  if (result.decision)
    await emailDecision(db, mailer, {
      app: result.app,
      decision: result.decision,
      origin: options.origin,
      today: options.today,
    })
  return { decision: result.decision }
}
