/** The attendance feature's public face: what other features and the app may use. */

export { mustBeCommitted } from './import-undo.ts'
export { attendanceImportRoutes } from './imports.routes.tsx'
export {
  commitImport,
  dryRunImport,
  findCallByDate,
  getImport,
  type ImportRow,
  type ImportSummary,
  startImport,
} from './imports.ts'
export { spellingSimilarity } from './name-likeness.ts'
export { chunksOf, decodeChunks, NotUtf8 } from './parse/decode.ts'
export { type ParsedReport, parseAttendanceFile } from './parse/index.ts'
export { foldName } from './parse/names.ts'
export { mergePresence, type PresenceRecord, reachesMinimum } from './presence.ts'
export { reportSizeProblem } from './report-size.ts'
export { rollCallRoutes } from './roll-call.routes.tsx'
