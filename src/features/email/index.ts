/** The email feature's public face: what other features and the app may use. */
export { outboxRoutes } from './outbox.routes.tsx'
