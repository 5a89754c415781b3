/** The seats feature's public face: what other features and the app may use. */
export { findOrganization, type OrganizationRef } from './organization-ref.ts'
export { seatHoldersOn, seatLabels, seatsHeldOnSql } from './seat-holders.ts'
export { IncompleteBadge } from './seat-parts.tsx'
export { vacantSeats, vacantSeatsSql } from './seat-status.ts'
export { seatRoutes } from './seats.routes.tsx'
