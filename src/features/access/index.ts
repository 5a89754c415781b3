/** The access feature's public face: what other features and the app may use. */
export { apiTokenRoutes } from './api-tokens.routes.tsx'
export { requireScope } from './api-tokens.ts'
export { loadUserViewer, loadUserViewers, loadViewer } from './viewer.ts'
