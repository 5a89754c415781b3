/** The attendance-history feature's public face: past attendance from a spreadsheet (preview, commit, undo). */
export { attendanceHistoryRoutes } from './history.routes.tsx'
export {
  commitHistoryImport,
  discardHistoryImport,
  type HistoryBy,
  previewHistoryFile,
  startHistoryImport,
  undoHistoryImport,
} from './history-imports.ts'
export { historySizeProblem, MAX_HISTORY_BYTES, MAX_HISTORY_ROWS } from './history-sheet.ts'
export type { HistoryPlan, HistoryProblem } from './plan.ts'
export { findCommitted, getHistoryImport, listHistoryImports } from './records.ts'
