/** The library feature's public face: what other features and the app may use. */
export { libraryRoutes } from './library.routes.tsx'
