/** The wordpress feature's public face: what other features and the app may use. */
export { wordpressRoutes } from './wordpress.routes.tsx'
