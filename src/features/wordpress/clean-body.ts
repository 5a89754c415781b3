import { sanitizeHubHtml } from '#src/lib/markdown.ts'
import { fastClean } from './fast-clean.ts'
import { htmlToText } from './map-fields.ts'
import { type AttachmentUrls, replaceShortcodes } from './shortcodes.ts'

/** Tags that open a block of their own (a run of text between them becomes a paragraph). */
const BLOCK =
  /^<(p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|figure|table|hr|section|article|aside|header|footer|address|details|form|fieldset|iframe|script|style|noscript)\b/i

/** What CommonMark reads as the start of a raw HTML block that lasts until a blank line. */
const HTML_BLOCK_START = /^<(p|div|h[1-6]|ul|ol|dl|blockquote|figure|table|hr)\b/i

/** WordPress's own paragraphs (wpautop): text between blank lines is a paragraph, a lone newline a break. */
function paragraphs(html: string): string {
  // A <pre> keeps its blank lines: set aside while the rest is cut into paragraphs.
  const kept: string[] = []
  const marked = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => `\uE000${kept.push(pre) - 1}\uE000`)
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
  const withoutComments = raw.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '')
  const marked = paragraphs(replaceShortcodes(withoutComments, attachments))
  const html = (fastClean(marked) ?? imagesAsLinks(sanitizeHubHtml(marked))).trim()
  if (html === '') return ''
  const oneBlock = html
    .split(/(<pre\b[\s\S]*?<\/pre>)/i)
    .map((part, i) =>
      i % 2 === 1 ? part.replace(/\n[ \t]*(?=\n)/g, '\n&#32;') : part.replace(/\n\s*\n/g, '\n'),
    )
    .join('')
  return HTML_BLOCK_START.test(oneBlock) ? oneBlock : `<div>${oneBlock}</div>`
}

/**
 * An image from another site becomes a link to it: the old site is switched off after the import,
 * and a page of the Hub asks no other host for anything. Images the Hub serves stay images.
 * (The input is sanitize-html's output: attributes double-quoted, their text escaped.)
 */
function imagesAsLinks(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => {
    const src = tag.match(/\ssrc="([^"]*)"/)?.[1] ?? ''
    if (src.startsWith('/') && !src.startsWith('//')) return tag
    const alt = tag.match(/\salt="([^"]*)"/)?.[1]?.trim()
    return `<a href="${src}">Image${alt ? `: ${alt}` : ''}</a>`
  })
}

/** A summary from an excerpt: its text only, in one line. */
export function cleanExcerpt(raw: string): string {
  const html = sanitizeHubHtml(raw.replace(/<!--[\s\S]*?-->/g, ''))
  // A block or a break between words leaves a space; an inline tag leaves nothing.
  return htmlToText(html.replace(/<\/?(p|br|div|li|h[1-6]|blockquote|tr|td|th)\b[^>]*>/gi, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}
