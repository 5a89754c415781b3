/** The sitemap feature's public face: what other features and the app may use. */
export { sitemapRoutes } from './sitemap.routes.tsx'
