import { addDays, weekdayOf } from './dates.ts'

/** The digest's week: it goes out from `weekStart` on and tells of what came out in the 7 days before. */
export type DigestWeek = {
  /** The Monday of today's week in the network's zone: the subject of its claim in reminder_deliveries. */
  weekStart: string
  /** The first day the digest covers (the Monday before). */
  from: string
  /** The day after the last day it covers (weekStart itself). */
  until: string
}

/**
 * The digest week of `today` (a date in the network's zone).
 * @example digestWeek('2026-12-23') // { weekStart: '2026-12-21', from: '2026-12-14', until: '2026-12-21' }
 */
export function digestWeek(today: string): DigestWeek {
  const weekStart = addDays(today, 1 - weekdayOf(today))
  return { weekStart, from: addDays(weekStart, -7), until: weekStart }
}
