/** The obligations feature's public face: what other features and the app may use. */
export { complianceFromRecords, complianceRow, computeYearCompliance } from './compliance.ts'
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
export { obligationRoutes } from './obligations.routes.tsx'
export { loadYearRecords, type OrganizationYearRecords } from './records.ts'
export { complianceStatusLabels, isQuarterClosing, PRESENTATION_SLOT_DEADLINE } from './status.ts'
