import { describe, expect, it } from 'vitest'
import { noticeText } from './notice.ts'

const notices = { saved: 'Saved.', undone: 'Undone.' }

describe('the notice an address carries', () => {
  it("is one of the page's own notices, or none", () => {
    expect(noticeText(notices, 'saved')).toBe('Saved.')
    expect(noticeText(notices, 'nonsense')).toBeUndefined()
    expect(noticeText(notices, undefined)).toBeUndefined()
  })

  it('is never a property every object has', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(noticeText(notices, key)).toBeUndefined()
  })
})
