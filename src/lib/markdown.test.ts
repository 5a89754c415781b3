import { describe, expect, it } from 'vitest'
import { markdownLinks, markdownText, renderMarkdown } from './markdown.ts'

describe('renderMarkdown', () => {
  it('keeps headings, tables and links to the Hub and over https', () => {
    const html = renderMarkdown(
      '## Goals\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[join](/apply) and [site](https://example.org)',
    )
    expect(html).toContain('<h2>Goals</h2>')
    expect(html).toContain('<table>')
    expect(html).toContain('<td>1</td>')
    expect(html).toContain('<a href="/apply">join</a>')
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>')
  })

  it('drops scripts, event handlers, iframes and javascript: links', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script><img src="https://x.test/a.png" onerror="alert(2)"> ' +
        '[x](javascript:alert(3)) <a href="JaVaScRiPt:alert(4)">y</a> <iframe src="https://evil.test"></iframe>' +
        '<svg onload="alert(5)"></svg>',
    )
    expect(html).not.toMatch(/script|onerror|onload|javascript|iframe|svg|alert\(/i)
    expect(html).toContain('<img src="https://x.test/a.png" />')
  })

  it('keeps images from the Hub or https only', () => {
    expect(renderMarkdown('![a](http://x.test/a.png)')).not.toContain('<img')
    expect(renderMarkdown('![a](//x.test/a.png)')).not.toContain('<img')
    expect(renderMarkdown('![a](data:image/png;base64,AAAA)')).not.toContain('<img')
    expect(renderMarkdown('<img src="x.png"> ![b](x.png)')).not.toContain('<img')
    expect(renderMarkdown('![logo](/site/logo)')).toContain('<img src="/site/logo" alt="logo" />')
  })
})

describe('markdownText and markdownLinks', () => {
  it('gives the plain text and every link target', () => {
    expect(markdownText('# Title\n\nSome **bold** & <b>more</b>')).toBe('Title Some bold & more')
    expect(markdownLinks('[a](/x) ![b](https://i.test/b.png) <a href="/y">y</a>')).toEqual([
      '/x',
      'https://i.test/b.png',
      '/y',
    ])
  })
})
