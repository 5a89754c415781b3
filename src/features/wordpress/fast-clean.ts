/**
 * The import's fast path for a body that is already plain, well-formed HTML (what WordPress
 * writes for nearly every post): script and style elements removed, every other tag checked
 * against a small allow-list and written again with only the Hub's allowed attributes (no on*,
 * no style, no class), links given the Hub's rel, images from another host turned into links.
 * The result is exactly what `sanitizeHubHtml` then `imagesAsLinks` would give; anything this
 * cannot prove so (another tag, an entity, a stray `<`, a tag left open, an unusual URL) returns
 * null and the caller runs the full sanitizer. The output is sanitized again when rendered.
 */
const INLINE = new Set(
  'a strong b em i u s code span br sub sup small mark del ins abbr cite q kbd img'.split(' '),
)
const BLOCK = new Set('p div h1 h2 h3 h4 h5 h6 ul ol li blockquote figure figcaption hr'.split(' '))
const VOID = new Set(['br', 'hr', 'img'])
const ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
}
const GLOBAL = ['id', 'lang', 'dir']
const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y
const ATTRIBUTE = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const SAFE_TEXT = /^(?:[^&<>]|&(?:amp|lt|gt);)*$/
const SAFE_VALUE = /^[^&<>"']*$/
const EXTERNAL = /^https?:\/\/[^\s\\]+$/i
const HUB_PATH = /^\/(?!\/)[^\s\\]*$/

export function fastClean(html: string): string | null {
  const stack: string[] = []
  // How many open elements a block may not go in (a paragraph, an inline tag), and how many links:
  // counted rather than looked for in the stack, which a deep body would make a search per tag.
  let blockless = 0
  let links = 0
  let out = ''
  let at = 0
  while (at < html.length) {
    const lt = html.indexOf('<', at)
    const text = html.slice(at, lt === -1 ? html.length : lt)
    if (!SAFE_TEXT.test(text)) return null
    out += text
    if (lt === -1) break
    TAG.lastIndex = lt
    const m = TAG.exec(html)
    if (!m) return null
    at = TAG.lastIndex
    const [, closing, rawName = '', attrs = '', selfClose] = m
    const name = rawName.toLowerCase()
    if (!closing && (name === 'script' || name === 'style')) {
      const end = closingAfter(html, name, at)
      if (end === -1) return null
      at = end
      continue
    }
    if (!INLINE.has(name) && !BLOCK.has(name)) return null
    if (closing) {
      if (attrs || selfClose || VOID.has(name) || stack.pop() !== name) return null
      if (name === 'p' || INLINE.has(name)) blockless -= 1
      if (name === 'a') links -= 1
      out += `</${name}>`
      continue
    }
    if (selfClose && !VOID.has(name)) return null
    const parent = stack[stack.length - 1]
    // Where the HTML parser would close or move something, the full sanitizer decides.
    if (BLOCK.has(name) && blockless > 0) return null
    if (name === 'li' ? parent !== 'ul' && parent !== 'ol' : parent === 'ul' || parent === 'ol') return null
    if (name === 'figcaption' && parent !== 'figure') return null
    if (name === 'a' && links > 0) return null
    const tag = openTag(name, attrs)
    if (tag === null) return null
    out += tag
    if (VOID.has(name)) continue
    stack.push(name)
    if (name === 'p' || INLINE.has(name)) blockless += 1
    if (name === 'a') links += 1
  }
  return stack.length === 0 ? out : null
}

/** Where a script or style element that starts before `from` ends: after its first closing tag, or -1. */
function closingAfter(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'gi')
  closing.lastIndex = from
  return closing.exec(html) ? closing.lastIndex : -1
}

/** An allowed start tag written again as the sanitizer writes it, or null when unsure. */
function openTag(name: string, attrs: string): string | null {
  const allowed = ATTRIBUTES[name] ?? []
  const kept: [string, string][] = []
  const seen = new Set<string>()
  for (const a of attrs.matchAll(ATTRIBUTE)) {
    const key = (a[1] as string).toLowerCase()
    if (seen.has(key)) return null
    seen.add(key)
    if (!allowed.includes(key) && !GLOBAL.includes(key)) continue
    const value = a[2] ?? a[3] ?? a[4]
    if (value === undefined || !SAFE_VALUE.test(value)) return null
    if (value === '' && !(name === 'img' && key === 'alt')) return null
    kept.push([key, value])
  }
  const attr = (key: string) => kept.find(([k]) => k === key)?.[1]
  if (name === 'img') {
    const src = attr('src') ?? ''
    if (!/^https:\/\/[^\s\\]+$/i.test(src)) return null
    const alt = attr('alt')?.trim()
    return `<a href="${src}">Image${alt ? `: ${alt}` : ''}</a>`
  }
  let rel = ''
  if (name === 'a') {
    const href = attr('href') ?? ''
    if (EXTERNAL.test(href)) rel = ' rel="noopener noreferrer nofollow"'
    else if (!HUB_PATH.test(href)) return null
  }
  const written = kept.map(([k, v]) => ` ${k}="${v}"`).join('')
  return VOID.has(name) ? `<${name}${written} />` : `<${name}${written}${rel}>`
}
