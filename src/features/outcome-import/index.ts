/** Staff import a year's outcome figures from a CSV or Excel sheet: preview, commit, undo. */
export { outcomeImportRoutes } from './outcome-import.routes.tsx'
