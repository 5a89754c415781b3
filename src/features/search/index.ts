/** The search feature's public face: what other features and the app may use. */
export { searchRoutes } from './search.routes.tsx'
