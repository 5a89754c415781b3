import type { Entry } from './types.ts'

/** Hostile-input entries for the roll call: one per state-changing route, keyed 'METHOD /path'. */
export const rollCallEntries: Record<string, Entry> = {}
