import type { Entry } from './types.ts'

/** Hostile-input entries for the calendar-feeds routes: one per state-changing route, keyed 'METHOD /path'. */
export const calendarFeedsEntries: Record<string, Entry> = {}
