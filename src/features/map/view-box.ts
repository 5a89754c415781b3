import { atlasHeight, atlasWidth, type Bounds } from './atlas.ts'

export type ViewBox = { x: number; y: number; width: number; height: number }

/** The whole atlas frame: the national map. */
export const nationalViewBox: ViewBox = { x: 0, y: 0, width: atlasWidth, height: atlasHeight }

// Padding around a zoomed region, as a share of its larger side, so neighbours give context.
const paddingShare = 0.15
// Smallest zoomed side in map units (about 1/25 of the width): a single small county or
// an independent city would otherwise fill the frame with no recognisable context.
const minimumSide = 40

/**
 * The box that shows all of `boxes` with padding, widened to the national aspect ratio (so
 * profile maps lay out like the national one) and kept inside the atlas frame.
 * Returns the national view when there is nothing to fit.
 */
export function fitViewBox(boxes: readonly Bounds[]): ViewBox {
  if (boxes.length === 0) return nationalViewBox
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [[x0, y0], [x1, y1]] of boxes) {
    left = Math.min(left, x0)
    top = Math.min(top, y0)
    right = Math.max(right, x1)
    bottom = Math.max(bottom, y1)
  }
  const padding = paddingShare * Math.max(right - left, bottom - top)
  let width = Math.max(right - left + 2 * padding, minimumSide)
  let height = Math.max(bottom - top + 2 * padding, minimumSide)
  const aspect = atlasWidth / atlasHeight
  if (width / height < aspect) width = height * aspect
  else height = width / aspect
  if (width >= atlasWidth) return nationalViewBox
  // Centre on the region, then slide (never shrink) the box back inside the frame.
  const x = clamp((left + right) / 2 - width / 2, 0, atlasWidth - width)
  const y = clamp((top + bottom) / 2 - height / 2, 0, atlasHeight - height)
  return { x, y, width, height }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

/** The viewBox attribute value to one decimal, like the path data; rounded outwards so nothing is cut. */
export function formatViewBox({ x, y, width, height }: ViewBox): string {
  const left = Math.floor(x * 10) / 10
  const top = Math.floor(y * 10) / 10
  const right = Math.ceil((x + width) * 10) / 10
  const bottom = Math.ceil((y + height) * 10) / 10
  return [left, top, right - left, bottom - top].map((n) => Math.round(n * 10) / 10).join(' ')
}
