/** The presentations feature's public face: what other features and the app may use. */

export { type ArchivedPresentation, archivePath, organizationArchive } from './archive-queries.ts'
export { presentationRoutes } from './presentations.routes.tsx'
