/**
 * First segments of an address that the Hub's own routes answer (or will: the site's news,
 * library, search, feeds): a top-level page may not take one, or it would never be reached,
 * or it would hide a page of the Hub. The one list; tests/integration/pages-slugs.test.ts
 * checks it against every route the app declares, so a new route cannot be forgotten here.
 */
export const reservedSegments: ReadonlySet<string> = new Set([
  'account',
  'announcements',
  'api',
  'applications',
  'apply',
  'assets',
  'board',
  'briefings',
  'calendar',
  'calls',
  'digest',
  'directory',
  'favicon.ico',
  'favicon.png',
  'favicon.svg',
  'feeds',
  'files',
  'forgot-password',
  'healthz',
  'home',
  'invitations',
  'library',
  'map',
  'news',
  'organizations',
  'presentations',
  'reset-password',
  'robots.txt',
  'search',
  'sign-in',
  'sign-out',
  'sign-up',
  'site',
  'sitemap.xml',
  'staff',
  'unsubscribe',
  'wp-admin',
  'wp-content',
])

/** Whether a top-level page may have this slug. */
export const isReservedSlug = (slug: string): boolean => reservedSegments.has(slug)
