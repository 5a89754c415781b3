import { describe, expect, it } from 'vitest'
import type { Bounds } from './atlas.ts'
import { fitViewBox, formatViewBox, nationalViewBox } from './view-box.ts'

function contains(box: ReturnType<typeof fitViewBox>, [[x0, y0], [x1, y1]]: Bounds): boolean {
  return box.x <= x0 && box.y <= y0 && box.x + box.width >= x1 && box.y + box.height >= y1
}

describe('fitViewBox', () => {
  it('gives the national view when there is nothing to fit', () => {
    expect(fitViewBox([])).toEqual(nationalViewBox)
  })

  it('contains every box with room to spare, at the national aspect ratio', () => {
    const boxes: Bounds[] = [
      [
        [400, 200],
        [420, 230],
      ],
      [
        [430, 210],
        [450, 220],
      ],
    ]
    const box = fitViewBox(boxes)
    for (const b of boxes) expect(contains(box, b)).toBe(true)
    expect(box.x).toBeLessThan(400)
    expect(box.y + box.height).toBeGreaterThan(230)
    expect(box.width / box.height).toBeCloseTo(975 / 610)
  })

  it('does not zoom a tiny area in further than a minimum size', () => {
    const box = fitViewBox([
      [
        [500, 300],
        [501, 301],
      ],
    ])
    expect(box.height).toBeGreaterThanOrEqual(40)
  })

  it('slides the box back inside the atlas frame near its edge', () => {
    const box = fitViewBox([
      [
        [2, 2],
        [60, 40],
      ],
    ])
    expect(box.x).toBe(0)
    expect(box.y).toBe(0)
    expect(
      contains(box, [
        [2, 2],
        [60, 40],
      ]),
    ).toBe(true)
  })
})

describe('formatViewBox', () => {
  it('rounds to one decimal outwards, so nothing inside is cut off', () => {
    expect(formatViewBox({ x: 10.06, y: 0.04, width: 100.01, height: 50 })).toBe('10 0 100.1 50.1')
  })
})
