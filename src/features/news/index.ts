/** The news feature's public face: what other features and the app may use. */
export { newsRoutes } from './news.routes.tsx'
