import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  describeTally,
  hasQuorum,
  outcomeOf,
  quorumFor,
  settledOutcome,
  type Tally,
  tallyVotes,
  votesIn,
} from './tally.ts'

const tally = (approve: number, reject: number, abstain: number, eligible: number, share = 0.5): Tally => ({
  approve,
  reject,
  abstain,
  eligible,
  quorum: quorumFor(eligible, share),
})

/** A board, a quorum share, and votes from some of its members (never more votes than members). */
const boardAndVotes = fc
  .record({
    eligible: fc.integer({ min: 0, max: 12 }),
    share: fc.oneof(fc.constantFrom(0, 0.3, 0.5, 2 / 3, 0.7, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    a: fc.nat(12),
    r: fc.nat(12),
    x: fc.nat(12),
  })
  .map(({ eligible, share, a, r, x }) => {
    const approve = Math.min(a, eligible)
    const reject = Math.min(r, eligible - approve)
    const abstain = Math.min(x, eligible - approve - reject)
    return tally(approve, reject, abstain, eligible, share)
  })

/** Every way the members who have not voted could still vote (or not vote at all). */
function* completions(t: Tally): Generator<Tally> {
  const remaining = t.eligible - votesIn(t)
  for (let a = 0; a <= remaining; a++)
    for (let r = 0; a + r <= remaining; r++)
      for (let x = 0; a + r + x <= remaining; x++)
        yield { ...t, approve: t.approve + a, reject: t.reject + r, abstain: t.abstain + x }
}

describe('the quorum', () => {
  it('is ceil(share × eligible): 2 of 3 and 3 of 6 at one half, 3 of 10 at 0.3 despite floating point', () => {
    expect(quorumFor(3, 0.5)).toBe(2)
    expect(quorumFor(6, 0.5)).toBe(3)
    expect(quorumFor(10, 0.3)).toBe(3)
    expect(quorumFor(3, 1)).toBe(3)
    expect(quorumFor(7, 2 / 3)).toBe(5)
  })

  it('is never below one, so nothing is decided without a vote', () => {
    expect(quorumFor(0, 0.5)).toBe(1)
    expect(quorumFor(5, 0)).toBe(1)
  })

  it('is the smallest whole number of members at least the share of the board, for any board and share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const q = quorumFor(n, share)
          const needed = share * n
          expect(Number.isInteger(q)).toBe(true)
          expect(q).toBeGreaterThanOrEqual(1)
          expect(q).toBeLessThanOrEqual(n)
          expect(q).toBeGreaterThanOrEqual(needed - 1e-6)
          if (q > 1) expect(q - 1).toBeLessThan(needed - 1e-9)
        },
      ),
    )
  })

  it('counts abstentions toward the quorum', () => {
    expect(hasQuorum(tally(0, 0, 2, 3))).toBe(true)
    expect(hasQuorum(tally(1, 0, 0, 3))).toBe(false)
  })
})

describe('the outcome', () => {
  it('is approval by a simple majority of votes cast: abstentions are not votes cast, and a tie rejects', () => {
    expect(outcomeOf(tally(1, 0, 2, 3))).toBe('approved')
    expect(outcomeOf(tally(1, 1, 1, 3))).toBe('rejected')
    expect(outcomeOf(tally(0, 0, 3, 3))).toBe('rejected')
    expect(outcomeOf(tally(2, 1, 0, 3))).toBe('approved')
  })

  it('settles with 3 members when two approve, or two reject', () => {
    expect(settledOutcome(tally(2, 0, 0, 3))).toBe('approved')
    expect(settledOutcome(tally(0, 2, 0, 3))).toBe('rejected')
    expect(settledOutcome(tally(2, 0, 1, 3))).toBe('approved')
  })

  it('stays open while the last member could still tip it', () => {
    expect(settledOutcome(tally(1, 1, 0, 3))).toBeUndefined()
    expect(settledOutcome(tally(1, 0, 1, 3))).toBeUndefined()
    expect(settledOutcome(tally(1, 0, 0, 3))).toBeUndefined()
    expect(settledOutcome(tally(0, 0, 0, 3))).toBeUndefined()
  })

  it('stays open below the quorum even when the votes cast all agree', () => {
    // 2 of 5 at a 60% quorum (3 needed): two approvals could still be outvoted 3 to 2.
    expect(settledOutcome(tally(2, 0, 0, 5, 0.6))).toBeUndefined()
    // 1 of 1 at a full quorum decides at once.
    expect(settledOutcome(tally(1, 0, 0, 1, 1))).toBe('approved')
  })

  it('is settled exactly when the quorum is met and every way the others could vote gives the same outcome', () => {
    fc.assert(
      fc.property(boardAndVotes, (t) => {
        const outcomes = new Set([...completions(t)].map(outcomeOf))
        const settled = settledOutcome(t)
        if (hasQuorum(t) && outcomes.size === 1) expect(settled).toBe([...outcomes][0])
        else expect(settled).toBeUndefined()
      }),
    )
  })

  it('once settled, agrees with closing now and with every later vote', () => {
    fc.assert(
      fc.property(boardAndVotes, (t) => {
        const settled = settledOutcome(t)
        fc.pre(settled !== undefined)
        expect(outcomeOf(t)).toBe(settled)
        for (const later of completions(t)) expect(settledOutcome(later)).toBe(settled)
      }),
    )
  })

  it('is always settled when every member has voted and the quorum is met', () => {
    fc.assert(
      fc.property(boardAndVotes, (t) => {
        fc.pre(votesIn(t) === t.eligible && hasQuorum(t))
        expect(settledOutcome(t)).toBe(outcomeOf(t))
      }),
    )
  })
})

describe('the tally', () => {
  it('counts each choice and records the board size and quorum', () => {
    expect(tallyVotes(['approve', 'approve'], 3, 0.5)).toEqual({
      approve: 2,
      reject: 0,
      abstain: 0,
      eligible: 3,
      quorum: 2,
    })
    expect(tallyVotes(['reject', 'abstain', 'approve', 'abstain'], 6, 0.5)).toEqual({
      approve: 1,
      reject: 1,
      abstain: 2,
      eligible: 6,
      quorum: 3,
    })
  })

  it('reads as a sentence', () => {
    expect(describeTally(tally(2, 0, 1, 3))).toBe('2 approve, 0 reject, 1 abstain of 3 members (quorum 2)')
    expect(describeTally(tally(1, 0, 0, 1))).toBe('1 approve, 0 reject, 0 abstain of 1 member (quorum 1)')
  })
})
