import type { Entry } from './types.ts'

/** Hostile-input entries for the apply flow and file uploads: one per state-changing route, keyed 'METHOD /path'. */
export const applyEntries: Record<string, Entry> = {}
