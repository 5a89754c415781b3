import { describe, expect, it } from 'vitest'
import { type MapRegion, renderUsMap, type UsMapOptions } from './us-map.ts'

const socal: MapRegion = {
  slug: 'amp-socal',
  name: 'AMP SoCal',
  href: '/communities/amp-socal',
  states: ['CA'],
  counties: ['06025', '06029', '06037', '06059', '06065', '06071', '06073', '06079', '06083', '06111'],
}
const georgia: MapRegion = { slug: 'nw-georgia', name: 'Northwest Georgia', states: ['GA'], counties: [] }
const pacific: MapRegion = { slug: 'pnw', name: 'Pacific Northwest', states: ['OR', 'WA'], counties: [] }

function render(options: Partial<UsMapOptions> = {}): string {
  return renderUsMap({ regions: [], title: 'Map', description: 'Regions.', idPrefix: 'm', ...options })
}

/** A region's shapes: from its group's data-slug to the next region or the borders (a link's title is before). */
function regionMarkup(svg: string, slug: string): string {
  const start = svg.indexOf(`data-slug="${slug}"`)
  expect(start, `region ${slug} drawn`).toBeGreaterThan(-1)
  const end = svg.indexOf('class="map-borders"', start)
  const next = svg.indexOf('class="map-region', start + 1)
  return svg.slice(start, next === -1 ? end : Math.min(next, end))
}

function viewBox(svg: string): [number, number, number, number] {
  const match = /<svg[^>]* viewBox="([^"]+)"/.exec(svg)
  const numbers = (match?.[1] ?? '').split(' ').map(Number)
  expect(numbers).toHaveLength(4)
  return numbers as [number, number, number, number]
}

/** All coordinates of the paths with this class; d3 writes absolute M/L commands only. */
function pathPoints(svg: string, className: string): [number, number][] {
  const points: [number, number][] = []
  for (const [, d] of svg.matchAll(new RegExp(`<path class="${className}"[^>]* d="([^"]*)"`, 'g'))) {
    for (const [, x, y] of (d ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) points.push([Number(x), Number(y)])
  }
  return points
}

/**
 * A small XML well-formedness check (node has no XML parser): tags nest and close, attributes
 * are quoted and unique, and every `<` and `&` in text or values is markup or an entity.
 */
function wellFormedProblems(xml: string): string[] {
  const problems: string[] = []
  const open: string[] = []
  let roots = 0
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g
  for (const [, closing, name, attributes, selfClosing, text, stray] of xml.matchAll(token)) {
    if (stray) problems.push('a "<" that starts no tag')
    else if (text !== undefined) {
      if (open.length === 0) problems.push('text outside the root')
      if (entity.test(text)) problems.push(`bare "&" in text ${text.slice(0, 40)}`)
    } else if (closing) {
      if (open.pop() !== name) problems.push(`</${name}> closes the wrong element`)
    } else {
      if (open.length === 0) roots++
      const names = [...(attributes ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, n, value]) => {
        if (entity.test(value ?? '')) problems.push(`bare "&" in ${n}`)
        return n
      })
      if (new Set(names).size !== names.length) problems.push(`repeated attribute on <${name}>`)
      if (!selfClosing) open.push(name ?? '')
    }
  }
  if (open.length > 0) problems.push(`unclosed ${open.join(', ')}`)
  if (roots !== 1) problems.push(`${roots} root elements`)
  return problems
}

describe('the well-formedness check used below', () => {
  it('finds nesting, quoting and escaping mistakes', () => {
    expect(wellFormedProblems('<svg><g></svg>')).not.toEqual([])
    expect(wellFormedProblems('<svg a=b/>')).not.toEqual([])
    expect(wellFormedProblems('<svg><title>a & b</title></svg>')).not.toEqual([])
    expect(wellFormedProblems('<svg><title><script></title></svg>')).not.toEqual([])
    expect(wellFormedProblems('<svg a="1" a="2"/>')).not.toEqual([])
    expect(wellFormedProblems('<svg><g a="x &amp; y"><path/></g>t &lt; u</svg>')).toEqual([])
  })
})

describe('renderUsMap', () => {
  it('renders a national map as well-formed XML', () => {
    const svg = render({ regions: [socal, georgia, pacific] })
    expect(wellFormedProblems(svg)).toEqual([])
  })

  it('makes a responsive, labelled SVG root that contains links', () => {
    const svg = render({ title: 'Communities', description: 'Where they are.', idPrefix: 'home-map' })
    const root = /<svg[^>]*>/.exec(svg)?.[0] ?? ''
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(root).toContain('class="us-map"')
    expect(root).toContain('role="group"')
    expect(root).toContain('aria-labelledby="home-map-title"')
    expect(root).toContain('aria-describedby="home-map-desc"')
    expect(root).toContain('preserveAspectRatio="xMidYMid meet"')
    expect(root).not.toMatch(/\s(width|height)=/)
    expect(viewBox(svg)).toEqual([0, 0, 975, 610])
    expect(svg).toContain('<title id="home-map-title">Communities</title>')
    expect(svg).toContain('<desc id="home-map-desc">Where they are.</desc>')
  })

  it('draws the states and their borders even with no regions', () => {
    const svg = render()
    expect(svg).toContain('class="map-states"')
    expect(svg).toContain('class="map-borders"')
    expect(svg).toContain('class="map-nation"')
    expect(svg).not.toContain('map-region')
  })

  it('draws each known county of a region as a path carrying its FIPS code and name', () => {
    const svg = render({ regions: [socal] })
    const markup = regionMarkup(svg, 'amp-socal')
    expect(markup.match(/class="map-county"/g)).toHaveLength(10)
    expect(markup).toMatch(
      /<path class="map-county" data-fips="06037" data-county="Los Angeles, CA"[^>]* d="M/,
    )
    expect(markup).not.toContain('map-state-shade')
    expect(svg).toContain('<title>AMP SoCal</title>')
  })

  it('draws only the counties asked for, not every county in the atlas', () => {
    const svg = render({ regions: [socal, georgia] })
    expect(svg.match(/class="map-county"/g)).toHaveLength(10)
  })

  it('shades the whole state of a region without counties and says so in its title', () => {
    const svg = render({ regions: [georgia] })
    const markup = regionMarkup(svg, 'nw-georgia')
    expect(markup).toMatch(/<path class="map-state-shade" data-state="GA"[^>]* d="M/)
    expect(markup).not.toContain('map-county')
    expect(markup).toContain('<title>Northwest Georgia (counties unknown: whole state shaded)</title>')
  })

  it('shades every state of a multi-state region', () => {
    const markup = regionMarkup(render({ regions: [pacific] }), 'pnw')
    expect(markup).toContain('data-state="OR"')
    expect(markup).toContain('data-state="WA"')
    expect(markup).toContain('(counties unknown: whole states shaded)')
  })

  it('skips unknown county codes and still draws the known ones', () => {
    const region = { ...socal, counties: ['99999', '06037', 'not-a-code', '06037'] }
    const markup = regionMarkup(render({ regions: [region] }), 'amp-socal')
    expect(markup.match(/class="map-county"/g)).toHaveLength(1)
    expect(markup).not.toContain('99999')
  })

  it('falls back to shading the states when none of the county codes is known', () => {
    const region = { ...socal, counties: ['99999'] }
    const svg = render({ regions: [region] })
    expect(regionMarkup(svg, 'amp-socal')).toContain('data-state="CA"')
    expect(svg).toContain('<title>AMP SoCal (counties unknown: whole state shaded)</title>')
  })

  it('ignores unknown state codes and leaves out a region with nothing to draw', () => {
    const offMap = { slug: 'pr', name: 'Puerto Rico region', states: ['PR', 'XX'], counties: [] }
    const svg = render({ regions: [offMap, georgia] })
    expect(svg).not.toContain('data-slug="pr"')
    expect(svg).toContain('data-slug="nw-georgia"')
  })

  it('wraps a region with a link in an <a> named by its title', () => {
    const svg = render({ regions: [socal] })
    expect(svg).toContain(
      '<a href="/communities/amp-socal"><title>AMP SoCal</title><g class="map-region map-tone-0" data-slug="amp-socal"',
    )
  })

  it('leaves a region without href unlinked, with its title inside the group', () => {
    const svg = render({ regions: [georgia] })
    expect(svg).not.toContain('<a ')
    expect(svg).toMatch(/<g class="map-region map-tone-0" data-slug="nw-georgia"[^>]*><title>/)
  })

  it('does not link a javascript: URL, however it is disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
    ]) {
      const svg = render({ regions: [{ ...georgia, href }] })
      expect(svg, href).not.toContain('<a ')
      expect(svg).toContain('data-slug="nw-georgia"')
    }
  })

  it('escapes every piece of user text it writes', () => {
    const evil: MapRegion = {
      slug: '"><script>x</script>',
      name: '<script>alert("x")</script> & co',
      href: '/c?a=1&b="2"',
      states: ['GA'],
      counties: [],
    }
    const svg = render({ regions: [evil], title: 'A <b> & "c"', description: "<desc>'d'" })
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
    expect(svg).toContain('data-slug="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
    expect(svg).toContain('href="/c?a=1&amp;b=&quot;2&quot;"')
    expect(svg).toContain('>A &lt;b&gt; &amp; &quot;c&quot;</title>')
    expect(wellFormedProblems(svg)).toEqual([])
  })

  it('rejects an idPrefix that could not be a single id token', () => {
    expect(() => render({ idPrefix: 'two words' })).toThrow(TypeError)
    expect(() => render({ idPrefix: '"x' })).toThrow(TypeError)
    expect(() => render({ idPrefix: '' })).toThrow(TypeError)
  })

  it('gives regions tone classes that cycle through six, in order, even when they share a state', () => {
    const regions = Array.from({ length: 8 }, (_, i) => ({ ...georgia, slug: `r${i}` }))
    const svg = render({ regions })
    const tones = [...svg.matchAll(/class="map-region map-tone-(\d)" data-slug="(r\d)"/g)].map(
      ([, tone, slug]) => `${slug}:${tone}`,
    )
    expect(tones).toEqual(['r0:0', 'r1:1', 'r2:2', 'r3:3', 'r4:4', 'r5:5', 'r6:0', 'r7:1'])
  })

  it('colours with classes and presentation attributes, never inline styles', () => {
    const svg = render({ regions: [socal, georgia, pacific] })
    expect(svg).not.toMatch(/\sstyle=/)
    expect(svg).not.toContain('<style')
    expect(svg).toMatch(/class="map-region map-tone-0"[^>]* fill="#/)
  })

  it('fits the view to a zoomed region, smaller than the nation and containing all its counties', () => {
    const svg = render({ regions: [georgia, socal], zoomTo: 'amp-socal' })
    const [x, y, width, height] = viewBox(svg)
    expect(width).toBeLessThan(975)
    expect(height).toBeLessThan(610)
    const points = pathPoints(svg, 'map-county')
    expect(points.length).toBeGreaterThan(100)
    for (const [px, py] of points) {
      expect(px).toBeGreaterThanOrEqual(x)
      expect(px).toBeLessThanOrEqual(x + width)
      expect(py).toBeGreaterThanOrEqual(y)
      expect(py).toBeLessThanOrEqual(y + height)
    }
    expect(svg).toContain('class="map-region map-tone-1 map-region-focus" data-slug="amp-socal"')
  })

  it('fits the view to the shaded states of a zoomed region without counties', () => {
    const [, , width] = viewBox(render({ regions: [georgia], zoomTo: 'nw-georgia' }))
    expect(width).toBeLessThan(975)
  })

  it('shows the national view when the zoomed slug is unknown', () => {
    expect(viewBox(render({ regions: [socal], zoomTo: 'nowhere' }))).toEqual([0, 0, 975, 610])
  })

  it('rounds path coordinates to one decimal', () => {
    const svg = render({ regions: [socal] })
    expect(svg).not.toMatch(/\d\.\d{2}/)
  })

  it('renders the same markup each time, from its caches', () => {
    const options = { regions: [socal, georgia, pacific], zoomTo: 'pnw' }
    expect(render(options)).toBe(render(options))
  })
})

describe('renderUsMap layering', () => {
  it('draws whole-state shadings under county regions of the same state', () => {
    const svg = renderUsMap({
      idPrefix: 'layers',
      title: 't',
      description: 'd',
      regions: [
        { slug: 'counties', name: 'County region', states: ['CA'], counties: ['06037'] },
        { slug: 'statewide', name: 'State region', states: ['CA'], counties: [] },
      ],
    })
    expect(svg.indexOf('data-slug="statewide"')).toBeLessThan(svg.indexOf('data-slug="counties"'))
  })
})
