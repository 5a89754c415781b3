/** The site feature's public face: what other features and the app may use. */
export { siteRoutes } from './site.routes.tsx'
