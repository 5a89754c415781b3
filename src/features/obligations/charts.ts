/**
 * The network view's charts, drawn on the server with Observable Plot into a linkedom document
 * and sent as inline SVG (no script in the page). Plot's own <style> element is dropped: the
 * site's CSP allows no inline style, so site.css carries those rules (.obligations-chart).
 * Every chart is role="img" with a name; the page puts the same figures in a table beside it.
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'

export type HeatState = 'attended' | 'absent' | 'not_admitted'

export const heatStates = ['attended', 'absent', 'not_admitted'] as const satisfies readonly HeatState[]

export const heatStateLabels: Record<HeatState, string> = {
  attended: 'Attended',
  absent: 'Not attended',
  not_admitted: 'Not admitted then',
}

/**
 * Okabe-Ito blue and vermilion (told apart with every common colour-vision deficiency, and
 * 5.0:1 and 3.8:1 against white), and a pale grey for "no obligation that day".
 */
export const heatColors: Record<HeatState, string> = {
  attended: '#0072b2',
  absent: '#d55e00',
  not_admitted: '#e3e7ec',
}

/** The bars of the monthly rate, and the dashed line of the required share. */
export const rateColors = { bar: '#0b4f6c', required: '#b45309' } as const

const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>')
const plotDocument = document as unknown as Document

const SVG_NS = 'http://www.w3.org/2000/svg'

/** A Plot result as a standalone, named SVG string: xmlns, role="img", aria-label and <title>. */
function finish(node: Element, label: string, className: string, fontSize: number): string {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg')
  if (!svg) throw new Error('Plot drew no SVG')
  for (const style of [...svg.querySelectorAll('style')]) style.remove()
  // The whole image is one role="img": ARIA on its parts is noise (and invalid on a bare <g>).
  for (const part of [...svg.querySelectorAll('[aria-label], [aria-hidden], [aria-description]')]) {
    part.removeAttribute('aria-label')
    part.removeAttribute('aria-hidden')
    part.removeAttribute('aria-description')
  }
  svg.setAttribute('xmlns', SVG_NS)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('class', className)
  // An attribute, not Plot's style option: the CSP refuses inline style attributes.
  svg.setAttribute('font-size', String(fontSize))
  const title = document.createElementNS(SVG_NS, 'title')
  title.textContent = label
  svg.insertBefore(title, svg.firstChild)
  return svg.outerHTML
}

/**
 * The same inputs always draw the same SVG, so the last few are kept, keyed by their inputs:
 * an entry can never be stale, and a reload of the network view skips Plot.
 */
const drawn = new Map<string, string>()
const DRAWN_MAX = 24

function remember(key: string, draw: () => string): string {
  const hit = drawn.get(key)
  if (hit !== undefined) {
    drawn.delete(key)
    drawn.set(key, hit)
    return hit
  }
  const svg = draw()
  drawn.set(key, svg)
  if (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value as string)
  return svg
}

const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
const monthOf = (isoDate: string) => MONTH_ABBREVIATIONS[Number(isoDate.slice(5, 7)) - 1] ?? isoDate

export type HeatMapInput = {
  /** The organisations, top to bottom (ids keep two equal names apart). */
  rows: readonly { id: string; name: string }[]
  /** The held calls' dates, left to right. */
  callDates: readonly string[]
  /** states[row][call]. */
  states: readonly (readonly HeatState[])[]
  label: string
}

const CELL_WIDTH = 16
const CELL_HEIGHT = 16
const NAME_MARGIN = 250

/** Organisations × held calls, one cell each: attended, not attended, or not admitted then. */
export function attendanceHeatMap(input: HeatMapInput): string {
  return remember(`heat ${JSON.stringify(input)}`, () => {
    const cells: { row: string; date: string; state: HeatState }[] = []
    input.rows.forEach((row, r) => {
      input.callDates.forEach((date, c) => {
        cells.push({ row: row.id, date, state: input.states[r]?.[c] ?? 'not_admitted' })
      })
    })
    const names = new Map(input.rows.map((r) => [r.id, r.name]))
    // One tick a month, on its first call.
    const monthTicks = input.callDates.filter(
      (d, i) => i === 0 || d.slice(0, 7) !== input.callDates[i - 1]?.slice(0, 7),
    )
    const marginTop = 30
    const marginBottom = 8
    const svg = Plot.plot({
      document: plotDocument,
      width: NAME_MARGIN + 12 + Math.max(1, input.callDates.length) * CELL_WIDTH,
      height: marginTop + marginBottom + Math.max(1, input.rows.length) * CELL_HEIGHT,
      marginLeft: NAME_MARGIN,
      marginRight: 12,
      marginTop,
      marginBottom,
      x: { type: 'band', domain: [...input.callDates], axis: null, padding: 0 },
      y: { type: 'band', domain: input.rows.map((r) => r.id), axis: null, padding: 0 },
      color: { type: 'ordinal', domain: [...heatStates], range: heatStates.map((s) => heatColors[s]) },
      marks: [
        Plot.axisX({ anchor: 'top', ticks: monthTicks, tickFormat: monthOf, tickSize: 4, label: null }),
        Plot.axisY({
          tickFormat: (id: string) => names.get(id) ?? id,
          tickSize: 0,
          label: null,
          // Long names end in an ellipsis; the table under the chart has them whole.
          textOverflow: 'ellipsis',
          lineWidth: (NAME_MARGIN - 24) / 12,
        }),
        Plot.cell(cells, { x: 'date', y: 'row', fill: 'state', inset: 1 }),
      ],
    })
    return finish(svg as unknown as Element, input.label, 'obligations-chart heat-map', 12)
  })
}

export type MonthlyRateInput = {
  months: readonly { month: number; rate: number }[]
  /** The share of calls an organisation must attend (0.5): drawn as a dashed line. */
  requiredShare: number
  label: string
}

/** The network's attendance rate by month, as bars from 0 to 100 %, with the required share. */
export function monthlyRateChart(input: MonthlyRateInput): string {
  return remember(`rate ${JSON.stringify(input)}`, () => {
    const data = input.months.map((m) => ({
      month: MONTH_ABBREVIATIONS[m.month - 1] ?? String(m.month),
      percent: m.rate * 100,
    }))
    const svg = Plot.plot({
      document: plotDocument,
      width: 720,
      height: 300,
      marginLeft: 48,
      marginTop: 28,
      x: { type: 'band', domain: data.map((d) => d.month), label: null, padding: 0.25 },
      y: {
        domain: [0, 100],
        ticks: [0, 25, 50, 75, 100],
        tickFormat: (v: number) => `${v}%`,
        grid: true,
        label: 'Attended',
        labelAnchor: 'top',
      },
      marks: [
        Plot.barY(data, { x: 'month', y: 'percent', fill: rateColors.bar }),
        Plot.text(data, {
          x: 'month',
          y: 'percent',
          text: (d: { percent: number }) => `${Math.round(d.percent)}%`,
          dy: -8,
          fontWeight: 600,
        }),
        Plot.ruleY([input.requiredShare * 100], {
          stroke: rateColors.required,
          strokeWidth: 2,
          strokeDasharray: '6,4',
        }),
        Plot.ruleY([0]),
      ],
    })
    return finish(svg as unknown as Element, input.label, 'obligations-chart rate-chart', 13)
  })
}
