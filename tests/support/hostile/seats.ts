import type { Entry } from './types.ts'

/** Hostile-input entries for seats, suspension and withdrawal, and the profile API: one per state-changing route, keyed 'METHOD /path'. */
export const seatEntries: Record<string, Entry> = {}
