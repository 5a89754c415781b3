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
 * Merges one person's records of one call: records whose [firstJoin, lastLeave] overlap
 * count as one session (the longest), disjoint sessions are summed, and a record without
 * times can only raise the total (it is taken as the whole of its own time, never added).
 * @example mergePresence([{ seconds: 600, firstJoin: '…T18:00Z', lastLeave: '…T18:10Z' }, { seconds: 900, … }])
 */
export function mergePresence(records: readonly PresenceRecord[]): Presence {
  const timed: { seconds: number; start: number; end: number; firstJoin: string; lastLeave: string }[] = []
  let untimedBest = 0
  for (const r of records) {
    const start = r.firstJoin === null ? Number.NaN : Date.parse(r.firstJoin)
    const end = r.lastLeave === null ? Number.NaN : Date.parse(r.lastLeave)
    if (Number.isFinite(start) && Number.isFinite(end) && r.firstJoin !== null && r.lastLeave !== null) {
      timed.push({ seconds: r.seconds, start, end, firstJoin: r.firstJoin, lastLeave: r.lastLeave })
    } else {
      untimedBest = Math.max(untimedBest, r.seconds)
    }
  }
  timed.sort((a, b) => a.start - b.start || a.end - b.end)
  let total = 0
  let groupEnd = Number.NEGATIVE_INFINITY
  let groupBest = 0
  for (const r of timed) {
    if (r.start < groupEnd) {
      groupBest = Math.max(groupBest, r.seconds)
      groupEnd = Math.max(groupEnd, r.end)
    } else {
      total += groupBest
      groupBest = r.seconds
      groupEnd = r.end
    }
  }
  total += groupBest
  const first = timed[0]
  const last = timed.reduce<(typeof timed)[number] | undefined>(
    (a, b) => (a && a.end >= b.end ? a : b),
    undefined,
  )
  return {
    seconds: Math.max(total, untimedBest),
    firstJoin: first ? first.firstJoin : null,
    lastLeave: last ? last.lastLeave : null,
  }
}

/** Whether a merged presence reaches the minimum minutes from settings. */
export const reachesMinimum = (presence: Pick<Presence, 'seconds'>, minimumMinutes: number): boolean =>
  presence.seconds >= minimumMinutes * 60
