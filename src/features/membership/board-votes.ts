import { asc, eq, type SQLWrapper, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { type BoardVoteChoice, boardVotes, people } from '#src/db/schema/index.ts'
import { isoInstant } from './sql-parts.ts'
import { type Tally, tallyVotes } from './tally.ts'

/** A member of the Advisory Board on a date: a board_members term that covers it. */
export const onBoard = (personId: SQLWrapper, onDate: string) =>
  sql`exists (select 1 from board_members b where b.person_id = ${personId}
    and b.starts_on <= ${onDate}::date and (b.ends_on is null or b.ends_on > ${onDate}::date))`

export type BoardMember = { personId: string; name: string }

/** The people who may vote on `onDate`: everyone with a board term that day, by name. */
export async function boardMembersOn(db: DbOrTx, onDate: string): Promise<BoardMember[]> {
  return db
    .select({ personId: people.id, name: people.fullName })
    .from(people)
    .where(onBoard(people.id, onDate))
    .orderBy(asc(people.fullName), asc(people.id))
}

export type VoteRow = {
  voterId: string
  voterName: string
  choice: BoardVoteChoice
  comment: string | null
  castAt: string
  /** Whether the voter is on the board on the date asked about (only those votes count). */
  counts: boolean
}

/** The votes on an application, oldest first, each marked with whether it counts on `onDate`. */
export async function listVotes(db: DbOrTx, applicationId: string, onDate: string): Promise<VoteRow[]> {
  return db
    .select({
      voterId: boardVotes.voterId,
      voterName: people.fullName,
      choice: boardVotes.choice,
      comment: boardVotes.comment,
      castAt: isoInstant(boardVotes.castAt),
      counts: sql<boolean>`${onBoard(boardVotes.voterId, onDate)}`,
    })
    .from(boardVotes)
    .innerJoin(people, eq(people.id, boardVotes.voterId))
    .where(eq(boardVotes.applicationId, applicationId))
    .orderBy(asc(boardVotes.castAt), asc(people.fullName))
}

/**
 * The tally on `onDate`: the votes of people on the board that day (a vote cast by someone
 * whose term has since ended is kept on record but no longer counts), against the board's size.
 */
export async function currentTally(
  db: DbOrTx,
  applicationId: string,
  options: { onDate: string; quorumShare: number },
): Promise<Tally> {
  // One after the other: inside a transaction both run on its one connection anyway.
  const members = await boardMembersOn(db, options.onDate)
  const votes = await listVotes(db, applicationId, options.onDate)
  return tallyVotes(
    votes.filter((v) => v.counts).map((v) => v.choice),
    members.length,
    options.quorumShare,
  )
}
