import { describe, expect, it } from 'vitest'
import { forwardSearch, replaceShortcodes, splitSpans } from './shortcodes.ts'

const replace = (html: string) => replaceShortcodes(html, new Map([[7, 'https://a.example/7.jpg']]))

describe('WordPress shortcodes', () => {
  it('leaves bracketed text that is not a shortcode WordPress or its contact forms write', () => {
    for (const text of [
      'it was [sic] wrong',
      '[Update 12 May: the venue moved to Hall B]',
      '[1] Smith, 2019',
      '[captions]',
    ])
      expect(replace(text)).toBe(text)
  })

  it('leaves everything inside <pre> and <code> as it is', () => {
    const code =
      '<pre>[caption]x[/caption] arr[i] [embed]https://a.example/[/embed]</pre> <code>[gallery ids="7"]</code>'
    expect(replace(code)).toBe(code)
  })

  it('turns the known ones into HTML, or into their inner text', () => {
    expect(
      replace(
        '[caption id="a" caption="The plant"]<a href="/p"><img src="https://a.example/p.jpg"></a>[/caption]',
      ),
    ).toBe(
      '<figure><a href="/p"><img src="https://a.example/p.jpg"></a><figcaption>The plant</figcaption></figure>',
    )
    expect(replace('[embed]https://youtu.be/x[/embed] [video src="https://v.example/v.mp4"]')).toBe(
      '<p><a href="https://youtu.be/x">https://youtu.be/x</a></p> <p><a href="https://v.example/v.mp4">https://v.example/v.mp4</a></p>',
    )
    expect(replace('[gallery ids="7,8"]')).toBe(
      '<ul class="gallery"><li><img src="https://a.example/7.jpg" alt=""></li></ul>',
    )
    expect(replace('[contact-form][contact-field label="Name" /][/contact-form]Thanks')).toBe('Thanks')
    expect(replace('[[caption]] and [[gallery]] stay, [/caption] goes')).toBe(
      '[[caption]] and [[gallery]] stay,  goes',
    )
  })

  it('reads the attributes of a shortcode whose attribute text is a megabyte long', () => {
    const long = `[caption ${'a'.repeat(1_000_000)} caption="Found"]<img src="https://a.example/x.jpg">[/caption]`
    expect(replace(long)).toBe(
      '<figure><img src="https://a.example/x.jpg"><figcaption>Found</figcaption></figure>',
    )
  })
})

describe('the one-pass search of the body cleaning', () => {
  it('finds what a search from each position would find', () => {
    const search = forwardSearch('a-b--c', /-+/)
    expect([0, 1, 2, 3, 4, 5, 6].map((from) => search(from)?.index ?? -1)).toEqual([1, 1, 3, 3, 4, -1, -1])
    // Backwards too (a new search).
    expect(search(0)?.index).toBe(1)
  })

  it('cuts around spans as split with a lazy pattern would, an unclosed opening left as text', () => {
    const text = 'x<pre>a</pre>y<PRE class="k">b</Pre><pre>z'
    expect(splitSpans(text, /<pre\b/i, { '': /<\/pre>/i })).toEqual(text.split(/(<pre\b[\s\S]*?<\/pre>)/i))
  })
})
