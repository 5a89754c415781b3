/** The site feature's public face: what other features and the app may use. */
export { answerOldAddresses, findRedirect, recordRedirect } from './redirects.ts'
export { siteRoutes } from './site.routes.tsx'
export { loadSiteChrome } from './site-chrome.ts'
