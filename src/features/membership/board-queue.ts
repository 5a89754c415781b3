import { asc, desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { applicationDecisions, applications, type BoardVoteChoice, people } from '#src/db/schema/index.ts'
import { isoInstant } from './sql-parts.ts'
import type { BoardOutcome } from './tally.ts'

export type BoardQueueItem = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  applicantName: string
  /** When it was sent to the board (ISO 8601), or submitted when there is no such event. */
  sentAt: string | null
  myChoice: BoardVoteChoice | null
  votesIn: number
}

export type DecidedItem = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  outcome: BoardOutcome
  decidedAt: string
  myChoice: BoardVoteChoice | null
}

/** What awaits a board member (applications with the board, with their own vote), and recent decisions. */
export async function listBoardQueue(
  db: DbOrTx,
  options: { voterPersonId: string; recent?: number },
): Promise<{ waiting: BoardQueueItem[]; decided: DecidedItem[] }> {
  const myChoice = sql<BoardVoteChoice | null>`(select v.choice from board_votes v
    where v.application_id = ${applications.id} and v.voter_id = ${options.voterPersonId})`
  const waiting = await db
    .select({
      id: applications.id,
      category: applications.category,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      sentAt: sql<string | null>`coalesce(
        (select ${isoInstant(sql`e.created_at`)} from application_events e where e.application_id = ${applications.id}
          and e.kind = 'sent_to_board' order by e.created_at desc limit 1),
        ${isoInstant(applications.submittedAt)})`,
      myChoice,
      votesIn: sql<number>`(select count(*)::int from board_votes v where v.application_id = ${applications.id})`,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.status, 'with_board'))
    .orderBy(sql`${applications.submittedAt} asc nulls last`, asc(applications.id))
  const decided = await db
    .select({
      id: applications.id,
      category: applications.category,
      organizationName: applications.organizationName,
      outcome: applicationDecisions.outcome,
      decidedAt: isoInstant(applicationDecisions.decidedAt),
      myChoice,
    })
    .from(applicationDecisions)
    .innerJoin(applications, eq(applications.id, applicationDecisions.applicationId))
    .orderBy(desc(applicationDecisions.decidedAt), asc(applications.id))
    .limit(options.recent ?? 20)
  return { waiting, decided }
}
