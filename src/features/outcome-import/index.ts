/** Staff import a year's outcome figures from a CSV or Excel sheet: preview, commit, undo. */
export { outcomeImportRoutes } from './outcome-import.routes.tsx'
export {
  commitOutcomeImport,
  discardOutcomeImport,
  type OutcomeImportBy,
  startOutcomeImport,
  undoOutcomeImport,
} from './outcome-imports.ts'
export type { OutcomePlan, OutcomeProblem } from './plan.ts'
export { getOutcomeImport, listOutcomeImports } from './records.ts'
