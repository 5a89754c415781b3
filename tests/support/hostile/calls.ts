import type { Entry } from './types.ts'

/** Hostile-input entries for the calls routes: one per state-changing route, keyed 'METHOD /path'. */
export const callsEntries: Record<string, Entry> = {}
