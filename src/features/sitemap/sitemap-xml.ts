import { escapeXml } from '#src/lib/text.ts'
import type { SitemapEntry } from './sitemap-entries.ts'

/** The sitemap protocol's XML (sitemaps.org 0.9): each address absolute, with its last change when known. */
export function sitemapXml(origin: string, entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(`${origin}${e.path}`)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

/** Where crawlers are not wanted: the pages of people signed in, staff, the board, the API and search results. */
export const DISALLOWED_PATHS = [
  '/staff',
  '/account',
  '/board',
  '/api',
  '/applications',
  '/calls',
  '/calendar',
  '/files',
  '/invitations',
  '/library/contribute',
  '/search',
  '/sign-in',
  '/sign-out',
  '/forgot-password',
  '/reset-password',
]

/** robots.txt: the public site is open to crawlers, the rest is not, and the sitemap is named. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n')
}
