/**
 * Attendance imports: a Zoom, Teams or Meet report for one call is parsed, matched to
 * people, previewed, then committed in one transaction; it can be undone as a whole.
 * The same file for the same call is committed once; a second report merges.
 * One file per operation; this file gathers them for the command line, the bench and the tests.
 */
export { findCallByDate, findCallById } from './import-calls.ts'
export { commitImport } from './import-commit.ts'
export { dryRunImport, findCommittedImport, startImport } from './import-preview.ts'
export { reportDateWarning } from './import-rows.ts'
export type {
  ImportBy,
  ImportCall,
  ImportListItem,
  ImportRow,
  ImportSummary,
  ImportView,
  StartedImport,
} from './import-types.ts'
export { discardImport, undoImport } from './import-undo.ts'
export { matchCandidates } from './match-candidates.ts'
export type { HeldSeat } from './matching.ts'
export { getImport, listImports } from './read-imports.ts'
export { resolveParticipant } from './resolve-participant.ts'
