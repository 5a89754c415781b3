/** The obligations feature's public face: what other features and the app may use. */
export {
  complianceFromRecords,
  complianceRow,
  computeYearCompliance,
  loadRecordsBeginOn,
} from './compliance.ts'
export {
  type CallRecord,
  type ObligationSettings,
  type ObligationsResult,
  type PresentationView,
  type QuarterStatus,
  type SharingQuarter,
  sharingQuarters,
} from './engine.ts'
export { neutraliseFormula } from './network-csv.ts'
export { presentationSummary, quarterLabels } from './obligation-format.ts'
export { StatusBadge } from './obligation-parts.tsx'
export { obligationRoutes } from './obligations.routes.tsx'
export { attendanceOutOfReach, owedSentences } from './owed.ts'
export { loadYearRecords, type OrganizationYearRecords } from './records.ts'
export { complianceStatusLabels, isQuarterClosing } from './status.ts'
