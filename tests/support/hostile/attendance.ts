import type { Entry } from './types.ts'

/** A call the demo holds before DEMO_TODAY (a Monday). */
const HELD_CALL = '2026-11-23'

/**
 * An import id of the right shape. The cross-site refusals come before any lookup, and the
 * signed-out control is sent to sign in; tests/integration/attendance-imports-web.test.ts
 * runs these routes on real imports.
 */
const IMPORT_ID = '00000000-0000-4000-8000-000000000001'

const imports = `/staff/calls/${HELD_CALL}/attendance/imports`

/**
 * Hostile-input entries for the attendance routes: one per state-changing route, keyed 'METHOD /path'.
 * None takes free text: the upload is a file (its name is only shown, and JSX escapes it), and the
 * other forms send an id from a list.
 */
export const attendanceEntries: Record<string, Entry> = {
  'POST /staff/calls/:date/attendance/imports': {
    sample: () => ({ path: imports, fields: {} }),
  },
  'POST /staff/calls/:date/attendance/imports/:id/participants/:position': {
    sample: () => ({ path: `${imports}/${IMPORT_ID}/participants/1`, fields: { personId: 'guest' } }),
  },
  'POST /staff/calls/:date/attendance/imports/:id/matches': {
    sample: () => ({ path: `${imports}/${IMPORT_ID}/matches`, fields: { 'choice-1': 'guest' } }),
  },
  'POST /staff/calls/:date/attendance/imports/:id/commit': {
    sample: () => ({ path: `${imports}/${IMPORT_ID}/commit`, fields: {} }),
  },
  'POST /staff/calls/:date/attendance/imports/:id/discard': {
    sample: () => ({ path: `${imports}/${IMPORT_ID}/discard`, fields: {} }),
  },
  'POST /staff/calls/:date/attendance/imports/:id/undo': {
    sample: () => ({ path: `${imports}/${IMPORT_ID}/undo`, fields: {} }),
  },
}
