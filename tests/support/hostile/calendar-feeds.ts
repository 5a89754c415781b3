import type { Entry } from './types.ts'

/** Hostile-input entries for the calendar-feeds routes: one per state-changing route, keyed 'METHOD /path'. */
export const calendarFeedsEntries: Record<string, Entry> = {
  // Buttons only: no free text.
  'POST /account/calendar/feed': { sample: () => ({ path: '/account/calendar/feed', fields: {} }) },
  'POST /account/calendar/feed/revoke': {
    sample: () => ({ path: '/account/calendar/feed/revoke', fields: {} }),
  },
}
