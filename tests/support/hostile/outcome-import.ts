import type { Entry } from './types.ts'

/** An import id of the right shape: the cross-site refusals come before any lookup. */
const IMPORT_ID = '00000000-0000-4000-8000-000000000004'
const PAGE = '/staff/outcomes/import'

/**
 * Hostile-input entries for the outcome import. None takes free text: the upload is a sheet
 * (its name is only shown, escaped by JSX) and a year, and the other forms carry nothing but the
 * token; tests/integration/outcome-import.test.ts runs them on real imports.
 */
export const outcomeImportEntries: Record<string, Entry> = {
  'POST /staff/outcomes/import': { sample: () => ({ path: PAGE, fields: { year: '2025' } }) },
  'POST /staff/outcomes/import/:id/commit': {
    sample: () => ({ path: `${PAGE}/${IMPORT_ID}/commit`, fields: {} }),
  },
  'POST /staff/outcomes/import/:id/undo': {
    sample: () => ({ path: `${PAGE}/${IMPORT_ID}/undo`, fields: {} }),
  },
  'POST /staff/outcomes/import/:id/discard': {
    sample: () => ({ path: `${PAGE}/${IMPORT_ID}/discard`, fields: {} }),
  },
}
