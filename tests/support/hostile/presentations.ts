import type { Entry } from './types.ts'

/** Hostile-input entries for the presentations routes: one per state-changing route, keyed 'METHOD /path'. */
export const presentationsEntries: Record<string, Entry> = {}
