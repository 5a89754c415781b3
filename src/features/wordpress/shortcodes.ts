import { escapeHtml } from '#src/lib/text.ts'

/**
 * WordPress shortcodes as HTML: [caption] as a figure with its caption, [gallery] as a list of its
 * images (from the export's attachments), [embed] and [video] as a link, [audio] likewise; the
 * other shortcodes of WordPress and its contact forms leave their inner text. Any other bracketed
 * text ("[sic]", "arr[i]") is the author's and stays, and nothing inside <pre> or <code> is a
 * shortcode. Every step is one pass over the text: a post of a million unclosed "[caption" costs
 * what any post of that size costs.
 */

/** Shortcodes whose brackets go when nothing better is made of them (their inner text stays). */
const KNOWN = [
  'caption', 'wp_caption', 'gallery', 'embed', 'video', 'audio', 'playlist',
  'contact-form', 'contact-field', 'contact-form-7',
] // biome-ignore format: a list of words

/** An opening or closing tag of a known shortcode, not right after a '['. */
const KNOWN_TAG = new RegExp(`(?<!\\[)\\[/?(${KNOWN.join('|')})(?=[\\s\\]])`, 'i')

/** Attachment URLs by post id, for [gallery ids="…"]. */
export type AttachmentUrls = ReadonlyMap<number, string>

/** A search for a pattern's next match from a position on. */
export type Search = (from: number) => RegExpExecArray | null

/**
 * Searches of one text for a pattern that remember their last answer: searches from positions
 * that only move forward cost, all together, one pass over the text, found or not.
 */
export function forwardSearch(text: string, pattern: RegExp): Search {
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)
  let searchedFrom = Number.POSITIVE_INFINITY
  let found: RegExpExecArray | null = null
  return (from) => {
    if (from >= searchedFrom && (found === null || found.index >= from)) return found
    searchedFrom = from
    global.lastIndex = from
    found = global.exec(text)
    return found
  }
}

/**
 * The text cut around each span from an opening (`open`) to the first closing after it (the
 * closing pattern named by the opening's first group, lowercased, or '' without one), as `split`
 * with a capturing group cuts it: spans at odd indexes. An opening without its closing stays text.
 */
export function splitSpans(text: string, open: RegExp, closings: Record<string, RegExp>): string[] {
  const opening = forwardSearch(text, open)
  const closing = new Map(Object.entries(closings).map(([name, p]) => [name, forwardSearch(text, p)]))
  const parts: string[] = []
  let at = 0
  for (let from = 0, o = opening(from); o; o = opening(from)) {
    const c = closing.get((o[1] ?? '').toLowerCase())?.(o.index + o[0].length)
    if (!c) {
      from = o.index + 1
      continue
    }
    parts.push(text.slice(at, o.index), text.slice(o.index, c.index + c[0].length))
    at = from = c.index + c[0].length
  }
  parts.push(text.slice(at))
  return parts
}

/** A shortcode's opening tag: its name (lowercase), its attributes' text, where it starts and ends. */
type Tag = { name: string; attrs: string; start: number; end: number }

/**
 * Each tag `[name …]` that `opener` finds (the name its first group), replaced by what `replace`
 * makes of it: HTML and where the replaced text ends; undefined leaves the tag as it is.
 */
function replaceTags(
  text: string,
  opener: RegExp,
  replace: (tag: Tag) => { html: string; end: number } | undefined,
): string {
  const opening = forwardSearch(text, opener)
  const bracket = forwardSearch(text, /\]/)
  let out = ''
  let at = 0
  for (let from = 0, o = opening(from); o; o = opening(from)) {
    const attrsStart = o.index + o[0].length
    const close = bracket(attrsStart)
    // No ']' after this opening means none after any later one either.
    if (!close) break
    const name = (o[1] ?? '').toLowerCase()
    const tag = { name, attrs: text.slice(attrsStart, close.index), start: o.index, end: close.index + 1 }
    const replaced = replace(tag)
    if (!replaced) {
      from = o.index + 1
      continue
    }
    out += text.slice(at, tag.start) + replaced.html
    at = from = replaced.end
  }
  return out + text.slice(at)
}

/**
 * An opening tag of one of these shortcodes: the name, then a space or the closing bracket; not
 * right after a '[' ([[caption]] is WordPress's way to write the text "[caption]").
 */
const openerOf = (names: readonly string[]) => new RegExp(`(?<!\\[)\\[(${names.join('|')})(?=[\\s\\]])`, 'i')

/** Each `[name …]inner[/name]` of these names replaced; one without its closing tag stays. */
function replaceEnclosing(
  text: string,
  names: readonly string[],
  replace: (tag: Tag, inner: string) => string,
): string {
  const closings = new Map(names.map((n) => [n, forwardSearch(text, new RegExp(`\\[/${n}\\]`, 'i'))]))
  return replaceTags(text, openerOf(names), (tag) => {
    const closing = closings.get(tag.name)?.(tag.end)
    if (!closing) return undefined
    const html = replace(tag, text.slice(tag.end, closing.index))
    return { html, end: closing.index + closing[0].length }
  })
}

const attributes = (text: string): Record<string, string> => {
  const found: Record<string, string> = {}
  // A name starts after a character that is not one of a name's: one try per name, not per letter.
  for (const m of text.matchAll(/(?<![\w-])([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g))
    found[(m[1] as string).toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  return found
}

const link = (url: string) =>
  /^https?:\/\//i.test(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ''

/**
 * A caption's image: its first <img> with the link around it if there is one, as
 * `(<a …>\s*)?<img …>(\s*</a>)?` finds it (a '</a>' after it is taken even without the '<a'), but
 * without a search to the next '>' for each '<a' before it.
 */
function captionImage(inner: string): string {
  const start = inner.search(/<img\b/i)
  const tagEnd = start === -1 ? -1 : inner.indexOf('>', start)
  if (tagEnd === -1) return ''
  const before = inner.slice(0, start).trimEnd()
  const anchor = before.endsWith('>') ? before.lastIndexOf('<') : -1
  const linked = anchor !== -1 && /^<a\b[^>]*>$/i.test(before.slice(anchor))
  const closeAnchor = /\s*<\/a>/iy
  closeAnchor.lastIndex = tagEnd + 1
  const end = closeAnchor.test(inner) ? closeAnchor.lastIndex : tagEnd + 1
  return inner.slice(linked ? anchor : start, end)
}

const figure = (tag: Tag, inner: string): string => {
  const image = captionImage(inner)
  const caption = (attributes(tag.attrs).caption ?? inner.replace(image, '')).trim()
  return `<figure>${image}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
}

const gallery = (attrs: string, attachments: AttachmentUrls): string => {
  const ids = (attributes(attrs).ids ?? '').split(',').map((id) => Number.parseInt(id, 10))
  const images = ids
    .map((id) => attachments.get(id))
    .filter((url): url is string => Boolean(url))
    .map((url) => `<li><img src="${escapeHtml(url)}" alt=""></li>`)
  return images.length > 0 ? `<ul class="gallery">${images.join('')}</ul>` : ''
}

/** A <pre> or <code> element, set aside while shortcodes are replaced. */
const PRE_OR_CODE = /<(pre|code)\b/i
const PRE_OR_CODE_CLOSING = { pre: /<\/pre>/i, code: /<\/code>/i }

export function replaceShortcodes(html: string, attachments: AttachmentUrls): string {
  const kept: string[] = []
  let out = splitSpans(html, PRE_OR_CODE, PRE_OR_CODE_CLOSING)
    .map((part, i) => (i % 2 === 1 ? `\uE001${kept.push(part) - 1}\uE001` : part))
    .join('')
  // Enclosing shortcodes first: [caption …]<img …> Text[/caption]
  out = replaceEnclosing(out, ['caption'], figure)
  out = replaceEnclosing(out, ['embed', 'video', 'audio'], (tag, inner) => {
    const a = attributes(tag.attrs)
    return link(inner.trim() || a.src || a.mp4 || a.mp3 || '')
  })
  out = replaceTags(out, /\[(video|audio|embed)(?=\s)/i, (tag) => {
    const a = attributes(tag.attrs)
    return { html: link(a.src || a.mp4 || a.mp3 || a.url || ''), end: tag.end }
  })
  out = replaceTags(out, openerOf(['gallery']), (tag) => ({
    html: gallery(tag.attrs, attachments),
    end: tag.end,
  }))
  // What is left of a known shortcode, enclosing or not: its inner text stays, the brackets go.
  // [[caption]] is WordPress's way to write the text "[caption]": it stays.
  const rest = out
  out = replaceTags(rest, KNOWN_TAG, (tag) =>
    rest[tag.end] === ']' ? undefined : { html: '', end: tag.end },
  )
  return out.replace(/\uE001(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '')
}
