import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

/**
 * Markdown written by staff and members (pages, news, briefings, announcements) as safe HTML.
 * Raw HTML inside the Markdown is allowed in, then everything goes through one allow-list:
 * no script or style, no event handlers, no iframes or forms, links only to http(s), mailto and
 * tel or within the Hub, images only from the Hub or over https.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false })

const allowedTags = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark',
  'sub', 'sup', 'small', 'abbr', 'cite', 'q', 'kbd', 'a', 'img', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'span', 'div',
] // biome-ignore format: a list of words

/** Whether a URL is one the Hub serves (a path on this site, never `//other.host`). */
export const isHubPath = (href: string): boolean => /^\/(?!\/)/.test(href) && !href.includes('\\')

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'scope', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    abbr: ['title'],
    ol: ['start'],
    '*': ['id', 'lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The text of a removed <script>, <style>, <iframe>... is dropped with it.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? ''
      const external = /^https?:/i.test(href)
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : { ...attribs, rel: '' },
      }
    },
  },
  // An image shows only from the Hub or over https (a relative "x.png" would load from wherever the page is).
  exclusiveFilter: (frame) =>
    frame.tag === 'img' &&
    !(isHubPath(frame.attribs.src ?? '') || /^https:\/\//i.test(frame.attribs.src ?? '')),
}

/** Safe HTML for a Markdown text (raw HTML in it is sanitized, never trusted). */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string
  return sanitizeHtml(html, sanitizeOptions).replaceAll(' rel=""', '')
}

/** Safe HTML for HTML that came from elsewhere (an imported post), by the same allow-list. */
export function sanitizeHubHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions).replaceAll(' rel=""', '')
}

/** The plain text of a Markdown text, for summaries, feeds' descriptions and emails. */
export function markdownText(markdown: string): string {
  const html = marked.parse(markdown) as string
  return sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: sanitizeOptions.nonTextTags,
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

/** Every link target in a Markdown text (links and images), in order, for checking internal links. */
export function markdownLinks(markdown: string): string[] {
  const found: string[] = []
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if ((token.type === 'link' || token.type === 'image') && typeof token.href === 'string')
      found.push(token.href)
  })
  for (const match of markdown.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']+)["']/gi))
    if (match[1]) found.push(match[1])
  return found
}
