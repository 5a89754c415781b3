import type { Entry } from './types.ts'

/** An import id of the right shape: the cross-site refusals come before any lookup. */
const IMPORT_ID = '00000000-0000-4000-8000-000000000002'
const PAGE = '/staff/attendance/history'

/**
 * Hostile-input entries for the past-attendance routes. None takes free text: the upload is a
 * file (its name is only shown, escaped by JSX), and the other forms carry nothing but the token;
 * tests/integration/attendance-history.test.ts runs them on real imports.
 */
export const attendanceHistoryEntries: Record<string, Entry> = {
  'POST /staff/attendance/history': { sample: () => ({ path: PAGE, fields: {} }) },
  'POST /staff/attendance/history/:id/commit': {
    sample: () => ({ path: `${PAGE}/${IMPORT_ID}/commit`, fields: {} }),
  },
  'POST /staff/attendance/history/:id/undo': {
    sample: () => ({ path: `${PAGE}/${IMPORT_ID}/undo`, fields: {} }),
  },
  'POST /staff/attendance/history/:id/discard': {
    sample: () => ({ path: `${PAGE}/${IMPORT_ID}/discard`, fields: {} }),
  },
}
