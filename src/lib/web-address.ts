/**
 * The Hub's one rule of what a web address is, for the forms that take one and the pages that
 * link to one a record holds: a whole address on one line, without spaces, over http or https
 * (https only where a form asks for it), with a host name that has a dot (`https://example.org`,
 * not `https://intranet`). Each form keeps its own length limit and message.
 */
import { isSingleLine } from './text.ts'

/** Which schemes an address may use: most links take both, a join link or a fetch only https. */
export type WebSchemes = 'http or https' | 'https only'

/**
 * Whether `text` is a web address the Hub links to or fetches.
 * @example isWebAddress('https://example.org/report.pdf') // true
 * @example isWebAddress('javascript:alert(1)') // false
 * @example isWebAddress('http://example.org', 'https only') // false
 */
export function isWebAddress(text: string, schemes: WebSchemes = 'http or https'): boolean {
  if (!isSingleLine(text) || /\s/.test(text) || !URL.canParse(text)) return false
  const { protocol, hostname } = new URL(text)
  const schemeAllowed = protocol === 'https:' || (protocol === 'http:' && schemes === 'http or https')
  return schemeAllowed && hostname.includes('.')
}

/**
 * The address to put in a link's `href`, or undefined when the record's text is not a web
 * address (the page then shows it as text): records may hold what an import or an older rule let in.
 */
export const webHref = (text: string | null | undefined, schemes?: WebSchemes): string | undefined =>
  text && isWebAddress(text, schemes) ? text : undefined
