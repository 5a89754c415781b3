/** A representative's or alternate's own page: their organisation's obligations, next call and seats. */
export { myOrganizationRoutes } from './my-organization.routes.tsx'
