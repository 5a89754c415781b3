/** The people feature's public face: what the app may use. */
export { peopleRoutes } from './people.routes.tsx'
