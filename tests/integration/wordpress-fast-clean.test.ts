/**
 * The import's fast clean path must give exactly what the full sanitizer gives (then images as
 * links), or step aside: a body it cannot prove plain goes through sanitize-html.
 */
import { describe, expect, it } from 'vitest'
import { cleanBody } from '#src/features/wordpress/clean-body.ts'
import { fastClean } from '#src/features/wordpress/fast-clean.ts'
import { sanitizeHubHtml } from '#src/lib/markdown.ts'

const imagesAsLinks = (html: string) =>
  html.replace(/<img\b[^>]*>/g, (tag) => {
    const src = tag.match(/\ssrc="([^"]*)"/)?.[1] ?? ''
    const alt = tag.match(/\salt="([^"]*)"/)?.[1]?.trim()
    return `<a href="${src}">Image${alt ? `: ${alt}` : ''}</a>`
  })

const plain = [
  '<p>Our board.</p>\n\n<p>It meets monthly.</p>',
  '<p dir="rtl">שלום עולם. مرحبا بالعالم.</p>',
  '<figure><img src="https://a.example/x.jpg" alt=" Plant floor "><figcaption>The plant</figcaption></figure>',
  '<p>a<br>\nb &amp; c &lt; d "q"</p><script>alert(1)</script>',
  '<p><a href="https://x.example/a" class="k" onclick="x()">l</a> <a href="/news/x" style="color:red">m</a></p>',
  '<ul><li>one</li><li><strong>two</strong></li></ul><h2 id="x">H</h2><blockquote><p>q</p></blockquote><hr>',
  '<p>x <img src="https://e.example/i.png" alt=""> y</p>\n<style>p{}</style>\n<div><p>z</p></div>',
]

const unusual = [
  '<p><a href="javascript:alert(1)">x</a></p>',
  '<p>open paragraph',
  '<p>&nbsp;&hellip;</p>',
  '<iframe src="https://evil.invalid/"></iframe>',
  '<p><img src="http://insecure.invalid/p.png"></p>',
  '<p>a < b</p>',
  '<p><div>block in a paragraph</div></p>',
  '<table><tr><td>cell</td></tr></table>',
]

/** A seeded generator (mulberry32): the same bodies every run, so a failure can be replayed. */
function seeded(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  return { next, pick }
}

const WORDS = [
  'plant',
  'Ünïcödé',
  'مركز',
  'a &amp; b',
  '&lt;tag&gt;',
  '"quoted"',
  "it's",
  ' ',
  '\n',
  '  x  ',
  '',
]
const VALUES = [
  'https://x.example/a?b=1',
  '/news/post',
  '//evil.example/',
  'javascript:alert(1)',
  'http://old.example/',
  'mailto:a@b.example',
  'https://e.example/i.png',
  'x',
  '',
  'a b',
]
const NAMES = [
  'href',
  'src',
  'alt',
  'title',
  'id',
  'lang',
  'dir',
  'class',
  'style',
  'onclick',
  'width',
  'HREF',
]
const INLINE = ['a', 'strong', 'em', 'span', 'code', 'abbr', 'img', 'br', 'B', 'sup', 'q']
const BLOCKS = ['p', 'div', 'h2', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'hr', 'table', 'P']

/** A random body, mostly of the markup WordPress writes, with now and then something unusual. */
function randomBody(r: ReturnType<typeof seeded>): string {
  const attrs = () =>
    Array.from({ length: Math.floor(r.next() * 3) }, () => {
      const value = r.pick(VALUES)
      const quote = r.pick(['"', '"', "'", ''])
      return ` ${r.pick(NAMES)}=${quote}${quote ? value : value.replace(/\s/g, '') || 'v'}${quote}`
    }).join('')
  const text = () => r.pick(WORDS)
  const node = (depth: number): string => {
    const roll = r.next()
    if (depth > 3 || roll < 0.3) return text()
    if (roll < 0.33)
      return r.pick(['<script>x()</script>', '<style>p{}</style>', '<!-- c -->', '<', '&nbsp;'])
    const name = depth === 0 || r.next() < 0.3 ? r.pick(BLOCKS) : r.pick(INLINE)
    const open = `<${name}${attrs()}${r.next() < 0.05 ? ' /' : ''}>`
    if (['br', 'hr', 'img'].includes(name.toLowerCase())) return open
    const inner = Array.from({ length: 1 + Math.floor(r.next() * 3) }, () => node(depth + 1)).join('')
    return `${open}${inner}${r.next() < 0.03 ? '' : `</${name}>`}`
  }
  return Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => node(0)).join(r.pick(['', '\n', '\n\n']))
}

describe('the fast clean path of imported bodies', () => {
  it('gives exactly what the full sanitizer gives for every random body it accepts', () => {
    const r = seeded(20261206)
    let accepted = 0
    for (let i = 0; i < 10_000; i++) {
      const html = randomBody(r)
      const fast = fastClean(html)
      if (fast === null) continue
      accepted += 1
      expect({ html, fast }).toEqual({ html, fast: imagesAsLinks(sanitizeHubHtml(html)) })
    }
    // Enough of them plain for the comparison to mean something.
    expect(accepted).toBeGreaterThan(1500)
  })

  it('writes plain bodies exactly as the full sanitizer would', () => {
    for (const html of plain) {
      const fast = fastClean(html)
      expect(fast).not.toBeNull()
      expect(fast).toBe(imagesAsLinks(sanitizeHubHtml(html)))
    }
  })

  it('leaves anything unusual to the full sanitizer, and the result is clean either way', () => {
    for (const html of unusual) {
      expect(fastClean(html)).toBeNull()
      // An http image is not loaded: it becomes a link to its address, as an https one does.
      expect(cleanBody(html, new Map())).not.toMatch(
        /<script|<iframe|javascript:|\son\w+=|<img[^>]*http:\/\/insecure/i,
      )
    }
  })
})
