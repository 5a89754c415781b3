import type { Entry } from './types.ts'

/** Hostile-input entries for the reminders routes: one per state-changing route, keyed 'METHOD /path'. */
export const remindersEntries: Record<string, Entry> = {}
