import type { Collected } from './collect.ts'

/**
 * The site's own address, the part of every import key: 'https://example.wordpress.com'. The
 * blog's address comes first: WordPress.com writes 'http://wordpress.com/' as every site's
 * base_site_url, and a multisite network writes its root there.
 */
export const siteOf = (c: Collected) =>
  (c.channel.baseBlogUrl || c.channel.baseSiteUrl || c.channel.link).replace(/\/+$/, '')

/**
 * Every way an export may spell the same site: over http or https, with or without 'www.'. A
 * site moved to https (or exported once from its www address) is still the site an earlier
 * import took, and its items must be found again, not imported a second time. The site's own
 * spelling comes last, so that its rows win over any written under another spelling.
 */
export function siteSpellings(site: string): string[] {
  const parts = site.match(/^https?:\/\/(?:www\.)?([^/?#]+)(.*)$/i)
  if (!parts) return [site]
  const [, host, rest] = parts
  const all = ['https://', 'http://'].flatMap((scheme) => [
    `${scheme}${host}${rest}`,
    `${scheme}www.${host}${rest}`,
  ])
  return [...all.filter((spelling) => spelling !== site), site]
}
