import { sql } from 'drizzle-orm'
import { addDays } from '#src/lib/dates.ts'
import type { Db } from '../../../src/db/client.ts'
import { queryRows } from '../../../src/db/sql.ts'
import type { Entry, FreeTextField } from './types.ts'

/** Demo calls (the demo holds every Monday of 2026) that no other suite of the table touches. */
const EDITED = '2026-11-16'
const CANCELLED = '2026-12-21'
const MOVED = '2026-12-14'
const HOLIDAY = '2026-09-07'

/** A column of the call on `date`, as stored. */
const columnOf =
  (column: 'title' | 'agenda' | 'notes' | 'cancel_reason' | 'dial_in' | 'added_reason', date: string) =>
  async (db: Db) =>
    (
      await queryRows<{ v: string | null }>(
        db,
        sql`select ${sql.identifier(column)} as v from calls where local_date = ${date}::date`,
      )
    )
      .map((r) => r.v)
      .filter((v): v is string => v !== null)

const editField = (column: 'title' | 'agenda' | 'notes' | 'dial_in', tooLong: string): FreeTextField => ({
  tooLong,
  readBack: columnOf(column, EDITED),
})

/** Hostile-input entries for the calls routes: one per state-changing route, keyed 'METHOD /path'. */
export const callsEntries: Record<string, Entry> = {
  'POST /staff/calls/new': {
    // A Tuesday of its own for every sample: Tuesdays have no series call, so each one can be added.
    sample: (ctx) => ({
      path: '/staff/calls/new',
      fields: {
        title: 'Budget briefing',
        date: addDays('2026-12-01', 7 * ctx.next()),
        startTime: '15:00',
        durationMinutes: '45',
      },
    }),
    freeText: {
      title: {
        tooLong: 'Write the title in at most 200 characters (this one has 10,001).',
        readBack: (db, sent) => columnOf('title', sent.date ?? '')(db),
      },
      addedReason: {
        tooLong: 'Write the reason in at most 500 characters (this one has 10,001).',
        readBack: (db, sent) => columnOf('added_reason', sent.date ?? '')(db),
      },
    },
    shownAt: (sent) => [`/calls/${sent.date}`],
  },
  'POST /staff/calls/:date/edit': {
    sample: () => ({
      path: `/staff/calls/${EDITED}/edit`,
      fields: {
        title: 'Workforce round table',
        agenda: 'Welcome\nRound table',
        notes: 'Three regions shared their apprenticeship results.',
        recordingUrl: 'https://zoom.example.org/rec/share/abc',
        joinUrl: 'https://zoom.example.org/j/123',
        dialIn: '+1 555 0100\nPasscode 42',
      },
    }),
    freeText: {
      title: editField('title', 'Write the title in at most 200 characters (this one has 10,001).'),
      agenda: editField('agenda', 'Write the agenda in at most 10,000 characters (this one has 10,001).'),
      notes: editField('notes', 'Write the notes in at most 10,000 characters (this one has 10,001).'),
      dialIn: editField('dial_in', 'Write the dial-in in at most 2,000 characters (this one has 10,001).'),
    },
    shownAt: () => [`/calls/${EDITED}`, `/staff/calls/${EDITED}/edit`],
  },
  'POST /staff/calls/:date/cancel': {
    // Cancelling a cancelled call again changes its reason, so every sample succeeds.
    sample: () => ({ path: `/staff/calls/${CANCELLED}/cancel`, fields: { reason: 'Staff retreat' } }),
    freeText: {
      reason: {
        tooLong: 'Write the reason in at most 500 characters (this one has 10,001).',
        readBack: columnOf('cancel_reason', CANCELLED),
      },
    },
    shownAt: () => [`/calls/${CANCELLED}`, '/calls', `/staff/calls/${CANCELLED}/cancel`],
  },
  'POST /staff/calls/:date/reinstate': {
    sample: () => ({ path: `/staff/calls/${HOLIDAY}/reinstate`, fields: {} }),
  },
  'POST /staff/calls/joining': {
    sample: () => ({
      path: '/staff/calls/joining',
      fields: { joinUrl: 'https://zoom.example.org/j/series', dialIn: '+1 555 0100\nPasscode 42' },
    }),
    freeText: {
      dialIn: {
        tooLong: 'Write the dial-in in at most 2,000 characters (this one has 10,001).',
        readBack: async (db) =>
          (
            await queryRows<{ v: string }>(
              db,
              sql`select value #>> '{}' as v from settings where key = 'callDialIn'`,
            )
          ).map((r) => r.v),
      },
    },
    shownAt: () => ['/staff/calls/joining'],
  },
  // The defaults (no date: the first attended call; 1 October), so that other suites see the demo's records.
  'POST /staff/settings/obligations': {
    sample: () => ({
      path: '/staff/settings/obligations',
      fields: { recordsBeginOn: '', cutoffMonth: '10', cutoffDay: '1' },
    }),
  },
  'POST /staff/calls/:date/move': {
    sample: () => ({
      path: `/staff/calls/${MOVED}/move`,
      fields: { date: '2026-12-15', startTime: '14:00' },
    }),
  },
}
