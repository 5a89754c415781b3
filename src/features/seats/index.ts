/** The seats feature's public face: what other features and the app may use. */
// Kept for the attendance feature until it asks the admission feature itself.
export { admissionStateSql } from '#src/features/admission/index.ts'
export {
  ChangeRefused,
  isChangeRefused,
  vacantSeats,
  vacantSeatsSql,
} from './organization-status.ts'
export { seatRoutes } from './seats.routes.tsx'
export { findOrganization, type OrganizationRef, seatHoldersOn, seatLabels } from './seats.ts'
export { IncompleteBadge } from './seats.views.tsx'
