/** The impact feature's public face: the network's verified outcomes, public (/impact). */
export { impactRoutes } from './impact.routes.tsx'
