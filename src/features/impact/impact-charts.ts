/**
 * The impact page's charts: one per metric over the years, drawn on the server with Observable
 * Plot into a linkedom document and sent as inline SVG (no script). Plot's own <style> is dropped
 * (the CSP allows no inline style; site.css's .obligations-chart carries its rules). Each chart is
 * one role="img" with a name; the page puts the same figures in a table under it.
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import type { AmountUnit } from '#src/lib/money.ts'

const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>')
const plotDocument = document as unknown as Document
const SVG_NS = 'http://www.w3.org/2000/svg'

/** The bars' colour: the site's dark teal, 8.6:1 against white. */
export const barColor = '#0b4f6c'

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** A short figure for an axis or a bar's label: '4.3K', '$1.3B' (cents in, dollars out). */
export const shortAmount = (value: number, unit: AmountUnit): string =>
  unit === 'usd' ? `$${compact.format(value / 100)}` : compact.format(value)

/** A Plot result as a standalone, named SVG string: xmlns, role="img", aria-label and <title>. */
function finish(node: Element, label: string): string {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg')
  if (!svg) throw new Error('Plot drew no SVG')
  for (const style of [...svg.querySelectorAll('style')]) style.remove()
  for (const part of [...svg.querySelectorAll('[aria-label], [aria-hidden], [aria-description]')]) {
    part.removeAttribute('aria-label')
    part.removeAttribute('aria-hidden')
    part.removeAttribute('aria-description')
  }
  svg.setAttribute('xmlns', SVG_NS)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('class', 'obligations-chart impact-chart')
  svg.setAttribute('font-size', '14')
  const title = document.createElementNS(SVG_NS, 'title')
  title.textContent = label
  svg.insertBefore(title, svg.firstChild)
  return svg.outerHTML
}

export type YearBarsInput = {
  /** Every year on the axis, in order, with its verified total (null: no verified figure that year). */
  years: readonly { year: number; total: number | null }[]
  unit: AmountUnit
  /** The chart's accessible name: what it shows, with every figure. */
  label: string
}

/** A metric's verified network total per year, as bars with their values on top. */
export function yearBarsChart(input: YearBarsInput): string {
  const data = input.years
    .filter((y) => y.total !== null)
    .map((y) => ({
      year: String(y.year),
      value: input.unit === 'usd' ? (y.total ?? 0) / 100 : (y.total ?? 0),
    }))
  const asUnit = (v: number) => (input.unit === 'usd' ? v * 100 : v)
  const svg = Plot.plot({
    document: plotDocument,
    width: 420,
    height: 240,
    marginLeft: 52,
    marginTop: 28,
    x: {
      type: 'band',
      domain: input.years.map((y) => String(y.year)),
      // Every year labelled up to eight; beyond, every other one (the table has them all).
      ticks: input.years.filter((_, i) => input.years.length <= 8 || i % 2 === 0).map((y) => String(y.year)),
      label: null,
      padding: 0.25,
    },
    y: {
      grid: true,
      nice: true,
      label: null,
      ticks: 4,
      tickFormat: (v: number) => shortAmount(asUnit(v), input.unit),
    },
    marks: [
      Plot.barY(data, { x: 'year', y: 'value', fill: barColor }),
      Plot.text(data, {
        x: 'year',
        y: 'value',
        text: (d: { value: number }) => shortAmount(asUnit(d.value), input.unit),
        dy: -8,
        fontWeight: 600,
      }),
      Plot.ruleY([0]),
    ],
  })
  return finish(svg as unknown as Element, input.label)
}
