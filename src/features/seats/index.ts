/** The seats feature's public face: what other features and the app may use. */
export {
  admissionStateOn,
  admissionStateSql,
  ChangeRefused,
  isAdmittedState,
  isChangeRefused,
  vacantSeats,
  vacantSeatsSql,
} from './organization-status.ts'
export { seatRoutes } from './seats.routes.tsx'
export { findOrganization, type OrganizationRef, seatHoldersOn, seatLabels } from './seats.ts'
export { IncompleteBadge } from './seats.views.tsx'
