import type { BoardVoteChoice } from '#src/db/schema/index.ts'
import { plural } from '#src/ui/format.ts'

// The Advisory Board's count: the quorum, the majority, and when the outcome can no longer change.

/** The Advisory Board's count on one application, as recorded with its decision. */
export type Tally = {
  approve: number
  reject: number
  abstain: number
  /** Members of the board on the day (people with a board term that day). */
  eligible: number
  /** How many of them must have voted (abstentions included) for a decision to count. */
  quorum: number
}

export type BoardOutcome = 'approved' | 'rejected'

/**
 * The quorum: at least ceil(share × eligible) members, and never fewer than one, so that
 * nothing is decided without a vote. The product is rounded to nine decimals first:
 * 0.3 × 10 is 3.0000000000000004 in floating point, which must give 3, not 4.
 * @example quorumFor(3, 0.5) // 2
 */
export function quorumFor(eligible: number, share: number): number {
  const exact = Math.round(share * eligible * 1e9) / 1e9
  return Math.max(1, Math.ceil(exact))
}

/** Counts the choices of the eligible members who voted. */
export function tallyVotes(choices: readonly BoardVoteChoice[], eligible: number, share: number): Tally {
  const count = (choice: BoardVoteChoice) => choices.filter((c) => c === choice).length
  return {
    approve: count('approve'),
    reject: count('reject'),
    abstain: count('abstain'),
    eligible,
    quorum: quorumFor(eligible, share),
  }
}

/** Members who voted at all: abstentions count toward the quorum. */
export const votesIn = (t: Tally): number => t.approve + t.reject + t.abstain

export const hasQuorum = (t: Tally): boolean => votesIn(t) >= t.quorum

/**
 * The outcome if the decision closed on this tally: a simple majority of votes cast, where
 * "cast" means approve or reject (an abstention is not a vote cast for the majority). A tie,
 * including no votes cast at all, is not a majority for approval, so it rejects.
 */
export const outcomeOf = (t: Tally): BoardOutcome => (t.approve > t.reject ? 'approved' : 'rejected')

/**
 * The outcome when it can no longer change, else undefined. The members who have not voted
 * yet (eligible less those who voted) could still vote any way, or not at all: the outcome
 * is settled when the quorum is met and even if every one of them voted against the current
 * outcome it would stay. Votes already cast count as they stand (the decision closes at once
 * when settled, so they can no longer be changed).
 * @example settledOutcome({ approve: 2, reject: 0, abstain: 0, eligible: 3, quorum: 2 }) // 'approved'
 */
export function settledOutcome(t: Tally): BoardOutcome | undefined {
  if (!hasQuorum(t)) return undefined
  const remaining = Math.max(0, t.eligible - votesIn(t))
  if (t.approve > t.reject + remaining) return 'approved'
  if (t.approve + remaining <= t.reject) return 'rejected'
  return undefined
}

/** One line for people: '2 approve, 0 reject, 1 abstain of 3 members (quorum 2)'. */
export function describeTally(t: Tally): string {
  return `${t.approve} approve, ${t.reject} reject, ${t.abstain} abstain of ${t.eligible} ${plural(
    t.eligible,
    'member',
    'members',
  )} (quorum ${t.quorum})`
}
