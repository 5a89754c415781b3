import type { Entry } from './types.ts'

/** Hostile-input entries for the attendance routes: one per state-changing route, keyed 'METHOD /path'. */
export const attendanceEntries: Record<string, Entry> = {}
