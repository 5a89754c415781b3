/** The member directory's public face: who represents each organisation, for the network's members. */
export { memberDirectoryRoutes } from './member-directory.routes.tsx'
