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

describe('the fast clean path of imported bodies', () => {
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
      expect(cleanBody(html, new Map())).not.toMatch(
        /<script|<iframe|javascript:|\son\w+=|http:\/\/insecure/i,
      )
    }
  })
})
