import type { Entry } from './types.ts'

/** Hostile-input entries for staff review and Advisory Board votes: one per state-changing route, keyed 'METHOD /path'. */
export const reviewEntries: Record<string, Entry> = {}
