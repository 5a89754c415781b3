import { escapeHtml } from '#src/lib/text.ts'

/**
 * WordPress shortcodes as HTML: [caption] as a figure with its caption, [gallery] as a list of its
 * images (from the export's attachments), [embed] and [video] as a link, [audio] likewise; any
 * other shortcode leaves its inner text.
 */
const attributes = (text: string): Record<string, string> => {
  const found: Record<string, string> = {}
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g))
    found[(m[1] as string).toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  return found
}

const link = (url: string) =>
  /^https?:\/\//i.test(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ''

/** Attachment URLs by post id, for [gallery ids="…"]. */
export type AttachmentUrls = ReadonlyMap<number, string>

export function replaceShortcodes(html: string, attachments: AttachmentUrls): string {
  let out = html
  // Enclosing shortcodes first: [caption …]<img …> Text[/caption]
  out = out.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_m, attrs: string, inner: string) => {
    const image = inner.match(/(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i)?.[0] ?? ''
    const caption = (attributes(attrs).caption ?? inner.replace(image, '')).trim()
    return `<figure>${image}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
  })
  out = out.replace(
    /\[(embed|video|audio)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi,
    (_m, _n, attrs: string, inner: string) => {
      const a = attributes(attrs)
      return link(inner.trim() || a.src || a.mp4 || a.mp3 || '')
    },
  )
  out = out.replace(/\[(video|audio|embed)(\s[^\]]*)\]/gi, (_m, _n, attrs: string) => {
    const a = attributes(attrs)
    return link(a.src || a.mp4 || a.mp3 || a.url || '')
  })
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => {
    const ids = (attributes(attrs).ids ?? '').split(',').map((id) => Number.parseInt(id, 10))
    const images = ids
      .map((id) => attachments.get(id))
      .filter((url): url is string => Boolean(url))
      .map((url) => `<li><img src="${escapeHtml(url)}" alt=""></li>`)
    return images.length > 0 ? `<ul class="gallery">${images.join('')}</ul>` : ''
  })
  // Any other shortcode, enclosing or not: its inner text stays, the brackets go. [[escaped]] stays.
  out = out.replace(/(?<!\[)\[\/?[a-z][\w-]*(?:\s[^\]]*)?\](?!\])/gi, '')
  return out
}
