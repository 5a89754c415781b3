/** The pages feature's public face: what other features and the app may use. */
export { pageRoutes } from './pages.routes.tsx'
export { isReservedSlug } from './reserved.ts'
