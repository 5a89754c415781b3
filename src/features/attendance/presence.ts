/**
 * One person's presence on one call, merged from every record of it: the roll call and
 * each committed report. Two reports of the same session overlap in time, so the longer
 * one stands; reports of separate sessions (the call dropped and restarted) add up.
 */
export type PresenceRecord = {
  seconds: number
  /** ISO 8601 instants; null where the record does not say (roll call, some reports). */
  firstJoin: string | null
  lastLeave: string | null
}

export type Presence = PresenceRecord

/**
 * Merges one person's records of one call. The time present is the largest total of records
 * that do not overlap in time (weighted interval scheduling): two reports of the same session
 * overlap, so the longer one counts; sessions apart (the call dropped and restarted) add up.
 * A record without times can only raise the total. Adding a record never lowers the result.
 * @example mergePresence([{ seconds: 600, firstJoin: '…T18:00Z', lastLeave: '…T18:10Z' }, { seconds: 900, … }])
 */
export function mergePresence(records: readonly PresenceRecord[]): Presence {
  // One record (the usual case) is its own merge: no dates to read.
  if (records.length === 1) {
    const [only] = records as [PresenceRecord]
    return { seconds: only.seconds, firstJoin: only.firstJoin, lastLeave: only.lastLeave }
  }
  const timed: { seconds: number; start: number; end: number; firstJoin: string; lastLeave: string }[] = []
  let untimedBest = 0
  for (const r of records) {
    const start = r.firstJoin === null ? Number.NaN : Date.parse(r.firstJoin)
    const end = r.lastLeave === null ? Number.NaN : Date.parse(r.lastLeave)
    if (Number.isFinite(start) && Number.isFinite(end) && r.firstJoin !== null && r.lastLeave !== null) {
      timed.push({
        seconds: r.seconds,
        start,
        end: Math.max(start, end),
        firstJoin: r.firstJoin,
        lastLeave: r.lastLeave,
      })
    } else {
      untimedBest = Math.max(untimedBest, r.seconds)
    }
  }
  timed.sort((a, b) => a.end - b.end || a.start - b.start)
  // best[i]: the largest total from the first i records (by end) that do not overlap.
  const best = [0]
  for (const [i, r] of timed.entries()) {
    let j = i
    while (j > 0 && (timed[j - 1] as (typeof timed)[number]).end > r.start) j--
    best.push(Math.max(best[i] as number, r.seconds + (best[j] as number)))
  }
  let firstJoin: string | null = null
  let lastLeave: string | null = null
  let earliest = Number.POSITIVE_INFINITY
  let latest = Number.NEGATIVE_INFINITY
  for (const r of timed) {
    if (r.start < earliest) {
      earliest = r.start
      firstJoin = r.firstJoin
    }
    if (r.end > latest) {
      latest = r.end
      lastLeave = r.lastLeave
    }
  }
  return { seconds: Math.max(best[timed.length] as number, untimedBest), firstJoin, lastLeave }
}

/** Whether a merged presence reaches the minimum minutes from settings. */
export const reachesMinimum = (presence: Pick<Presence, 'seconds'>, minimumMinutes: number): boolean =>
  presence.seconds >= minimumMinutes * 60
