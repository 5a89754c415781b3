import { describe, expect, it } from 'vitest'
import { batchesOf } from './batches.ts'

describe('batchesOf', () => {
  it('splits a list into full batches and a shorter last one', () => {
    expect([...batchesOf([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]])
    expect([...batchesOf([1, 2, 3, 4], 2)]).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect([...batchesOf([], 3)]).toEqual([])
  })

  it("reads a Map's entries as each batch is asked for", () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ])
    const batches = batchesOf(map, 2)
    expect(batches.next().value).toEqual([
      ['a', 1],
      ['b', 2],
    ])
    map.set('d', 4)
    expect(batches.next().value).toEqual([
      ['c', 3],
      ['d', 4],
    ])
    expect(batches.next().done).toBe(true)
  })

  it('refuses a batch size that is not a whole number of at least 1', () => {
    expect(() => [...batchesOf([1], 0)]).toThrow('at least 1 item, not 0')
    expect(() => [...batchesOf([1], 1.5)]).toThrow(RangeError)
  })
})
