/** The audit feature's public face: what other features and the app may use. */
export { auditRoutes } from './audit.routes.tsx'
