/** The presentations feature's public face: what other features and the app may use. */
export { presentationRoutes } from './presentations.routes.tsx'
