/** The sharing feature's public face: what other features and the app may use. */
export { sharingRoutes } from './sharing.routes.tsx'
