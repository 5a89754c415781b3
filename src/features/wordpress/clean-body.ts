import { sanitizeHubHtml } from '#src/lib/markdown.ts'
import { fastClean } from './fast-clean.ts'
import { htmlToText } from './map-fields.ts'
import { type AttachmentUrls, forwardSearch, replaceShortcodes, splitSpans } from './shortcodes.ts'

/** Tags that open a block of their own (a run of text between them becomes a paragraph). */
const BLOCK =
  /^<(p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|figure|table|hr|section|article|aside|header|footer|address|details|form|fieldset|iframe|script|style|noscript)\b/i

/** What CommonMark reads as the start of a raw HTML block that lasts until a blank line. */
const HTML_BLOCK_START = /^<(p|div|h[1-6]|ul|ol|dl|blockquote|figure|table|hr)\b/i

/**
 * The text cut around its <pre> elements (at odd indexes), as `split(/(<pre\b[\s\S]*?<\/pre>)/i)`
 * cuts it, but in one pass: that pattern searched to the end of the text for each unclosed <pre>.
 */
const aroundPre = (html: string): string[] => splitSpans(html, /<pre\b/i, { '': /<\/pre>/i })

/** The text without its HTML comments (an unclosed one stays, as the sanitizer then drops it), in one pass. */
const withoutComments = (html: string): string =>
  splitSpans(html, /<!--/, { '': /-->/ })
    .filter((_part, i) => i % 2 === 0)
    .join('')

/** Elements that hold nothing: the parser never counts them as open. */
const VOID = new Set(
  'area base basefont br col command embed frame hr image img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
)

/**
 * How deep elements may nest. No post WordPress writes comes near; but the sanitizer's parser
 * takes time in the square of the depth (a 1 MB post of 200,000 unclosed <pre> took a minute).
 */
export const MAX_DEPTH = 1000

/**
 * The HTML without the start tags that would open an element deeper than MAX_DEPTH (their text
 * stays). Elements are counted open and closed as the parser does, except that it also closes some
 * itself (an unclosed <p> or <li> at the next one): the count errs on the deep side.
 */
function withinDepth(html: string): string {
  let tags = 0
  for (let lt = html.indexOf('<'); lt !== -1 && tags <= MAX_DEPTH; lt = html.indexOf('<', lt + 1)) tags++
  if (tags <= MAX_DEPTH) return html
  const tagStart = forwardSearch(html, /<(\/?)([a-zA-Z][^\s/>]*)/)
  const tagEnd = forwardSearch(html, />/)
  const open: string[] = []
  const openCount = new Map<string, number>()
  let out = ''
  let at = 0
  for (let from = 0, tag = tagStart(from); tag; tag = tagStart(from)) {
    const end = tagEnd(tag.index + tag[0].length)
    if (!end) break
    from = end.index + 1
    const name = (tag[2] as string).toLowerCase()
    if (tag[1]) {
      // A closing tag closes the latest element of its name and every one opened after it.
      if (!openCount.get(name)) continue
      for (let closed = ''; closed !== name; ) {
        closed = open.pop() as string
        openCount.set(closed, (openCount.get(closed) ?? 1) - 1)
      }
    } else if (open.length >= MAX_DEPTH && !VOID.has(name)) {
      out += html.slice(at, tag.index)
      at = from
    } else if (!VOID.has(name)) {
      open.push(name)
      openCount.set(name, (openCount.get(name) ?? 0) + 1)
    }
  }
  return out + html.slice(at)
}

/** WordPress's own paragraphs (wpautop): text between blank lines is a paragraph, a lone newline a break. */
function paragraphs(html: string): string {
  // A <pre> keeps its blank lines: set aside while the rest is cut into paragraphs.
  const kept: string[] = []
  const marked = aroundPre(html)
    .map((part, i) => (i % 2 === 1 ? `\uE000${kept.push(part) - 1}\uE000` : part))
    .join('')
  return marked
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) =>
      BLOCK.test(chunk) || /^\uE000/.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`,
    )
    .join('\n\n')
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)] ?? '')
}

/**
 * The body of an imported post or page, clean: Gutenberg's block comments and every other HTML
 * comment removed, shortcodes turned into HTML, paragraphs made explicit, then the Hub's one
 * allow-list (no script, iframe, event handler or javascript: link survives the import). Stored
 * in the Markdown column as one raw HTML block (no blank line outside <pre>), so that the
 * Markdown renderer passes it through as it is, and sanitizes it again on output.
 */
export function cleanBody(raw: string, attachments: AttachmentUrls): string {
  const text = withoutComments(raw.replace(/\r\n?/g, '\n'))
  const marked = withinDepth(paragraphs(replaceShortcodes(text, attachments)))
  const html = (fastClean(marked) ?? imagesAsLinks(sanitizeHubHtml(withHttpImagesMarked(marked)))).trim()
  if (html === '') return ''
  const oneBlock = aroundPre(html)
    .map((part, i) =>
      i % 2 === 1 ? part.replace(/\n[ \t]*(?=\n)/g, '\n&#32;') : part.replace(/\n\s*\n/g, '\n'),
    )
    .join('')
  return HTML_BLOCK_START.test(oneBlock) ? oneBlock : `<div>${oneBlock}</div>`
}

/**
 * Where an http image's address goes through the sanitizer, which keeps only images over https or
 * from the Hub: a Hub path that no page has, made an http address again by `imagesAsLinks`.
 */
const HTTP_IMAGE = '/\uE002'

/** An <img> tag up to the `http://` that starts its src (quoted or not); attribute names without '<'. */
const HTTP_SRC =
  /<img\b(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*?\s+src\s*=\s*["']?http:\/\//iy

/** The HTML with the src of each http image marked, so that it becomes a link like the others. */
function withHttpImagesMarked(html: string): string {
  const image = forwardSearch(html, /<img\b/i)
  let out = ''
  let at = 0
  for (let found = image(0); found; found = image(found.index + 4)) {
    HTTP_SRC.lastIndex = found.index
    const tag = HTTP_SRC.exec(html)
    if (!tag) continue
    const scheme = found.index + tag[0].length - 'http://'.length
    out += `${html.slice(at, scheme)}${HTTP_IMAGE}`
    at = scheme + 'http://'.length
  }
  return out + html.slice(at)
}

/**
 * An image from another site becomes a link to it: the old site is switched off after the import,
 * and a page of the Hub asks no other host for anything. Images the Hub serves stay images.
 * (The input is sanitize-html's output: attributes double-quoted, their text escaped.)
 */
function imagesAsLinks(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => {
    const marked = tag.match(/\ssrc="([^"]*)"/)?.[1] ?? ''
    const src = marked.startsWith(HTTP_IMAGE) ? `http://${marked.slice(HTTP_IMAGE.length)}` : marked
    if (src.startsWith('/') && !src.startsWith('//')) return tag
    const alt = tag.match(/\salt="([^"]*)"/)?.[1]?.trim()
    return `<a href="${src}">Image${alt ? `: ${alt}` : ''}</a>`
  })
}

/** A summary from an excerpt: its text only, in one line. */
export function cleanExcerpt(raw: string): string {
  const html = sanitizeHubHtml(withinDepth(withoutComments(raw)))
  // A block or a break between words leaves a space; an inline tag leaves nothing.
  return htmlToText(html.replace(/<\/?(p|br|div|li|h[1-6]|blockquote|tr|td|th)\b[^>]*>/gi, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}
