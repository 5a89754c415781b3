import { describe, expect, it } from 'vitest'
import { lineDiff } from './line-diff.ts'

const shape = (before: string, after: string) =>
  lineDiff(before, after).map((l) => `${{ same: ' ', added: '+', removed: '-' }[l.kind]}${l.text}`)

describe('lineDiff', () => {
  it('keeps common lines and shows a changed line as removed then added', () => {
    expect(shape('a\nb\nc', 'a\nx\nc')).toEqual([' a', '-b', '+x', ' c'])
  })
  it('finds lines moved apart by insertions and deletions', () => {
    expect(shape('a\nb\nc\nd', 'b\nc\ne\nd')).toEqual(['-a', ' b', ' c', '+e', ' d'])
  })
  it('handles empty texts and identical texts', () => {
    expect(shape('', 'new')).toEqual(['-', '+new'])
    expect(shape('same\ntext', 'same\ntext')).toEqual([' same', ' text'])
    expect(shape('a\r\nb', 'a\nb')).toEqual([' a', ' b'])
  })
})
