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

/** Script and style elements, their text with them (as the sanitizer drops them). */
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

export function fastClean(html: string): string | null {
  const input = html.replace(SCRIPT_OR_STYLE, '')
  const stack: string[] = []
  let out = ''
  let at = 0
  while (at < input.length) {
    const lt = input.indexOf('<', at)
    const text = input.slice(at, lt === -1 ? input.length : lt)
    if (!SAFE_TEXT.test(text)) return null
    out += text
    if (lt === -1) break
    TAG.lastIndex = lt
    const m = TAG.exec(input)
    if (!m) return null
    at = TAG.lastIndex
    const [, closing, rawName = '', attrs = '', selfClose] = m
    const name = rawName.toLowerCase()
    if (!INLINE.has(name) && !BLOCK.has(name)) return null
    if (closing) {
      if (attrs || selfClose || VOID.has(name) || stack.pop() !== name) return null
      out += `</${name}>`
      continue
    }
    if (selfClose && !VOID.has(name)) return null
    const parent = stack[stack.length - 1]
    // Where the HTML parser would close or move something, the full sanitizer decides.
    if (BLOCK.has(name) && stack.some((t) => t === 'p' || INLINE.has(t))) return null
    if (name === 'li' ? parent !== 'ul' && parent !== 'ol' : parent === 'ul' || parent === 'ol') return null
    if (name === 'figcaption' && parent !== 'figure') return null
    if (name === 'a' && stack.includes('a')) return null
    const tag = openTag(name, attrs)
    if (tag === null) return null
    out += tag
    if (!VOID.has(name)) stack.push(name)
  }
  return stack.length === 0 ? out : null
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
