import { describe, expect, it } from 'vitest'
import { attendanceHeatMap, heatColors, monthlyRateChart, rateColors } from './charts.ts'

const heatInput = {
  rows: [
    { id: 'a', name: 'Advanced Manufacturing Partnership for Southern California' },
    { id: 'b', name: '<script>alert(1)</script> & Co' },
    { id: 'c', name: 'Alamo' },
  ],
  callDates: ['2026-01-05', '2026-01-12', '2026-02-02'],
  states: [
    ['attended', 'absent', 'attended'],
    ['not_admitted', 'attended', 'absent'],
    ['absent', 'absent', 'attended'],
  ],
  label: 'Heat map of attendance in 2026: 3 organisations by 3 held calls.',
} as const

const count = (text: string, part: string) => text.split(part).length - 1

describe('the attendance heat map', () => {
  const svg = attendanceHeatMap({
    ...heatInput,
    rows: [...heatInput.rows],
    callDates: [...heatInput.callDates],
    states: heatInput.states.map((r) => [...r]),
  })

  it('is a standalone SVG image with a name and a title', () => {
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(svg).toContain('role="img"')
    expect(svg).toContain(`aria-label="${heatInput.label}"`)
    expect(svg).toContain(`<title>${heatInput.label}</title>`)
  })

  it('draws one cell an organisation and call, in the colour of its state', () => {
    expect(count(svg, '<rect')).toBe(9)
    expect(count(svg, `fill="${heatColors.attended}"`)).toBe(4)
    expect(count(svg, `fill="${heatColors.absent}"`)).toBe(4)
    expect(count(svg, `fill="${heatColors.not_admitted}"`)).toBe(1)
  })

  it('labels rows by name (escaped), columns by month, and keeps the calls in the order given', () => {
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co')
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('>Jan</text>')
    expect(svg).toContain('>Feb</text>')
    // A long name is cut with an ellipsis; its <title> keeps it whole.
    expect(svg).toContain('<title>Advanced Manufacturing Partnership for Southern California</title>')
    const xs = [...svg.matchAll(/<rect[^>]*x="([\d.]+)"/g)].slice(0, 3).map((m) => Number(m[1]))
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
  })

  it('carries nothing the CSP would refuse, and no ARIA on its parts', () => {
    expect(svg).not.toMatch(/<style|\sstyle=/)
    expect(count(svg, 'aria-')).toBe(1)
  })

  it('draws the same SVG again for the same input', () => {
    expect(
      attendanceHeatMap({
        ...heatInput,
        rows: [...heatInput.rows],
        callDates: [...heatInput.callDates],
        states: heatInput.states.map((r) => [...r]),
      }),
    ).toBe(svg)
  })
})

describe('the monthly rate chart', () => {
  const svg = monthlyRateChart({
    months: [
      { month: 1, rate: 0.5 },
      { month: 3, rate: 0.724 },
      { month: 2, rate: 0.31 },
    ],
    requiredShare: 0.5,
    label: 'Network attendance rate by month in 2026.',
  })

  it('draws a bar a month, in the order given, labelled with its rate', () => {
    expect(svg).toContain('role="img"')
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(count(svg, `fill="${rateColors.bar}"`)).toBe(1)
    const bars = svg.slice(svg.indexOf(`fill="${rateColors.bar}"`))
    expect(count(bars.slice(0, bars.indexOf('</g>')), '<rect')).toBe(3)
    const labels = [...svg.matchAll(/>(Jan|Feb|Mar)<\/text>/g)].map((m) => m[1])
    expect(labels).toEqual(['Jan', 'Mar', 'Feb'])
    for (const rate of ['50%', '72%', '31%']) expect(svg).toContain(`>${rate}</text>`)
  })

  it('marks the required share with a dashed line at 50 %', () => {
    expect(svg).toContain(`stroke="${rateColors.required}"`)
    expect(svg).toContain('stroke-dasharray="6,4"')
    expect(svg).not.toMatch(/<style|\sstyle=/)
  })
})
