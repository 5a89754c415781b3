import type { Entry } from './types.ts'

/** Hostile-input entries for the sharing routes: one per state-changing route, keyed 'METHOD /path'. */
export const sharingEntries: Record<string, Entry> = {}
