/** The membership feature's public face: what other features and the app may use. */

export { applyRoutes } from './apply.routes.tsx'
export { reviewRoutes } from './review.routes.tsx'
