import { describe, expect, it } from 'vitest'
import { noticeFlash, noticeText } from './notice.ts'

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

  it('is shown as a flash, or not at all', () => {
    expect(noticeFlash(notices, 'saved')).toEqual({ text: 'Saved.' })
    expect(noticeFlash(notices, 'constructor')).toBeUndefined()
    expect(noticeFlash(notices, undefined)).toBeUndefined()
  })
})
