/** The site feature's public face: what other features and the app may use. */

export { homeDefaults } from './home-text.ts'
export { type PagePlace, pagePaths } from './navigation.ts'
export { answerOldAddresses, findRedirect, recordRedirect } from './redirects.ts'
export { siteRoutes } from './site.routes.tsx'
export { loadSiteChrome } from './site-chrome.ts'
