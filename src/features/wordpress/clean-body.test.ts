import { describe, expect, it } from 'vitest'
import { cleanBody, cleanExcerpt, MAX_DEPTH } from './clean-body.ts'
import { fastClean } from './fast-clean.ts'

const clean = (raw: string) => cleanBody(raw, new Map())

describe('bracketed text in an imported body', () => {
  it('keeps an editor’s [sic] and a bracketed paragraph', () => {
    expect(clean('<p>He said it was [sic] wrong.</p>')).toBe('<p>He said it was [sic] wrong.</p>')
    expect(clean('[Update 12 May: the venue moved to Hall B]\n\nDoors open at 9.')).toBe(
      '<p>[Update 12 May: the venue moved to Hall B]</p>\n<p>Doors open at 9.</p>',
    )
  })

  it('keeps code as it was written, shortcode names included', () => {
    expect(clean('<pre>arr[i] * matrix[row][col]</pre>')).toBe(
      '<div><pre>arr[i] * matrix[row][col]</pre></div>',
    )
    expect(clean('<p>Write <code>[caption]</code> or <code>[gallery ids="1"]</code>.</p>')).toBe(
      '<p>Write <code>[caption]</code> or <code>[gallery ids="1"]</code>.</p>',
    )
  })

  it('still turns the shortcodes WordPress and its contact forms write into HTML or their text', () => {
    const body = cleanBody(
      '[caption id="a1" width="300"]<img src="https://a.example/x.jpg" alt="Plant"> The plant[/caption]\n\n' +
        '[contact-form-7 id="9"]Write to us[/contact-form-7]\n\n[gallery ids="4"]\n\n[[caption]] is how to write it.',
      new Map([[4, 'https://a.example/4.jpg']]),
    )
    expect(body).toBe(
      '<figure><a href="https://a.example/x.jpg">Image: Plant</a><figcaption>The plant</figcaption></figure>\n' +
        '<p>Write to us</p>\n<ul><li><a href="https://a.example/4.jpg">Image</a></li></ul>\n' +
        '<p>[[caption]] is how to write it.</p>',
    )
  })
})

describe('images from the old site over http', () => {
  it('become links to their address with their alt text, as https images do', () => {
    expect(clean('<p>Our team: <img src="http://example.org/team.jpg" alt="The whole team"></p>')).toBe(
      '<p>Our team: <a href="http://example.org/team.jpg">Image: The whole team</a></p>',
    )
    expect(clean("<img class='wp' SRC=HTTP://example.org/a.jpg?w=1&amp;h=2 alt='Q &amp; A' />")).toBe(
      '<p><a href="http://example.org/a.jpg?w=1&amp;h=2">Image: Q &amp; A</a></p>',
    )
  })

  it('keep their link in a caption and in a gallery', () => {
    const attachments = new Map([[5, 'http://example.org/award.jpg']])
    expect(
      cleanBody(
        '[caption id="attachment_5"]<img src="http://example.org/award.jpg" alt="Award"> Our award[/caption]',
        attachments,
      ),
    ).toBe(
      '<figure><a href="http://example.org/award.jpg">Image: Award</a><figcaption>Our award</figcaption></figure>',
    )
    expect(cleanBody('[gallery ids="5"]', attachments)).toBe(
      '<ul><li><a href="http://example.org/award.jpg">Image</a></li></ul>',
    )
  })

  it('lose everything but the link: no handler, and no image the page would load', () => {
    expect(clean('<img src="http://e.example/p.png" onerror="alert(1)" alt="x">')).toBe(
      '<p><a href="http://e.example/p.png">Image: x</a></p>',
    )
    expect(clean('<img src="javascript:alert(1)">')).toBe('<p></p>')
  })
})

describe('a hostile body of a megabyte', () => {
  // Each of these took a minute or more when every unclosed marker was searched to the end of the
  // text; vitest's timeout stops a return of that.
  const n = 200_000
  const before = '<p>Before</p>\n\n'

  it('with 200,000 unclosed comments: the text before them stays, the rest is one unclosed comment', () => {
    expect(clean(before + '<!--'.repeat(n))).toBe('<p>Before</p>\n<p></p>')
    expect(cleanExcerpt(`Before${'<!--'.repeat(n)}`)).toBe('Before')
  })

  it('with 200,000 unclosed <pre>: the first ones nest as deep as the Hub allows, the rest go', () => {
    expect(clean(before + '<pre>'.repeat(n))).toBe(
      `<p>Before</p>\n${'<pre>'.repeat(MAX_DEPTH)}${'</pre>'.repeat(MAX_DEPTH)}`,
    )
  })

  it('with 200,000 unclosed [caption or [embed: kept as the text they are', () => {
    for (const opening of ['[caption', '[embed'])
      expect(clean(before + opening.repeat(n))).toBe(`<p>Before</p>\n<p>${opening.repeat(n)}</p>`)
  })

  it('with 200,000 [caption] or [embed] never closed: the stray shortcodes go, the text stays', () => {
    for (const opening of ['[caption id="x"]', '[embed]'])
      expect(clean(`${before}${opening.repeat(n)}After`)).toBe('<p>Before</p>\n<p>After</p>')
  })

  it('with 200,000 unclosed images: nothing left to show, the text before them stays', () => {
    expect(clean(before + '<img a="'.repeat(n))).toBe('<p>Before</p>\n<p></p>')
    expect(clean(before + '<img alt="x" '.repeat(n))).toBe('<p>Before</p>\n<p></p>')
  })

  it('nested 100,000 deep and closed: written again by the fast path, not refused', () => {
    const deep = `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`
    expect(fastClean(deep)).toBe(deep)
  })
})
