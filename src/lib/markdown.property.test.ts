import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { renderMarkdown, sanitizeHubHtml } from './markdown.ts'

/** Pieces of hostile and ordinary Markdown and HTML, joined at random. */
const PIECES = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.example/a.png" onload="alert(1)">',
  '<img src="http://plain.example/a.png">',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="//evil.example/">x</a>',
  '[link](javascript:alert(1))',
  '[link](<javascript:alert(1)>)',
  '![img](javascript:alert(1))',
  '![img](https://ok.example/i.png)',
  '[ok](https://ok.example/)',
  '[hub](/news/a-post)',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)><circle/></svg>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<form action="https://evil.example"><input name=x></form>',
  '<object data="x.swf"></object>',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<p title="a" onclick="alert(1)">p</p>',
  '<table><tr><td onmouseover=alert(1)>cell</td></tr></table>',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '# Heading',
  '**bold** _em_ `code`',
  '\n\n',
  '"',
  "'",
  '<',
  '>',
  '&',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '`',
  '```\n<script>alert(1)</script>\n```',
  '<a href="https://ok.example/" target="_blank" rel="opener">t</a>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
]

const ALLOWED_TAGS = new Set(
  'h1 h2 h3 h4 h5 h6 p br hr blockquote pre code ul ol li dl dt dd strong b em i u s del ins mark sub sup small abbr cite q kbd a img figure figcaption table caption thead tbody tfoot tr th td span div'.split(
    ' ',
  ),
)
const ALLOWED_ATTRIBUTES = new Set(
  'href title rel src alt width height align scope colspan rowspan start id lang dir'.split(' '),
)

/**
 * A link a browser follows only to http(s), mail, a phone, this site or a place on the page: a
 * scheme from the list, a path on the Hub (never `//other.host`), a fragment, or a relative path
 * with no scheme before its first slash.
 */
const safeHref = (url: string): boolean =>
  /^(https?|mailto|tel):/.test(url) ||
  /^\/(?!\/)/.test(url) ||
  url.startsWith('#') ||
  (!url.startsWith('/') && !/^[^/?#]*:/.test(url))

/** What the sanitized HTML must never hold, whatever went in. */
function expectSafe(html: string): void {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    expect(ALLOWED_TAGS.has(tag), `<${tag}> in ${html}`).toBe(true)
    for (const { name, value } of element.attributes) {
      expect(ALLOWED_ATTRIBUTES.has(name), `${name}= in ${html}`).toBe(true)
      // A URL's scheme as a browser reads it: entities decoded by the parser, then controls and spaces dropped.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a browser skips in a URL are the point
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
      if (name === 'href') expect(safeHref(url), `href="${value}" in ${html}`).toBe(true)
      if (name === 'src') expect(url, html).toMatch(/^(https:|\/(?!\/))/)
    }
  }
}

describe('the Markdown and HTML sanitizer under hostile input', () => {
  const documents = fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 })
    .map((p) => p.join(''))

  it('has a check that catches what it looks for', () => {
    for (const unsafe of [
      '<script>alert(1)</script>',
      '<img src="https://ok.example/a.png" onerror="alert(1)">',
      '<a href=" java&#x09;script:alert(1)">x</a>',
      '<img src="http://plain.example/a.png">',
      '<a href="//evil.example/">x</a>',
      '<iframe src="https://evil.example"></iframe>',
    ])
      expect(() => expectSafe(unsafe), unsafe).toThrow()
    expectSafe('<p><a href="https://ok.example/" rel="noopener">ok</a> <img src="/files/x.png" alt=""></p>')
  })

  it('lets no script, handler, frame, style or unsafe URL through from Markdown', () => {
    fc.assert(
      fc.property(documents, (markdown) => expectSafe(renderMarkdown(markdown))),
      { numRuns: 500 },
    )
  })

  it('lets none through from imported HTML either', () => {
    fc.assert(
      fc.property(documents, (html) => expectSafe(sanitizeHubHtml(html))),
      { numRuns: 500 },
    )
  })
})
