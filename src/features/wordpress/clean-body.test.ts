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

  it('nested 100,000 deep and closed: written again by the fast path, not refused', () => {
    const deep = `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`
    expect(fastClean(deep)).toBe(deep)
  })
})
