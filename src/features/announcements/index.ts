/** The announcements feature's public face: what other features and the app may use. */
export { announcementRoutes } from './announcements.routes.tsx'
export { type DigestRunOptions, runDigestLogged } from './run-digest.ts'
