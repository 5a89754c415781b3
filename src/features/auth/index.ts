/** The auth feature's public face: what other features and the app may use. */
export { authPages } from './auth.routes.tsx'
export { callAuth } from './forward.ts'
export { invitationRoutes } from './invitations.routes.tsx'
export { findOrRecordPerson, INVITATION_DAYS, insertInvitation, invitePerson } from './invitations.ts'
export { ensurePasswordAccount } from './passwords.ts'
export { commitmentKeys, commitmentLabels, seatRoleLabels } from './seat-commitments.ts'
export { resolveAuthSecret } from './secret.ts'
