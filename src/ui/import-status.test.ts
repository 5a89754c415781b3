import { describe, expect, it } from 'vitest'
import type { FileImportRecord } from '#src/db/file-import-records.ts'
import { importFlash, noticeFlash } from './import-status.tsx'

const notices = { committed: 'Committed.', undone: 'Undone.' }
const item = {
  committedAt: '2026-11-26T19:03:00Z',
  createdAt: '2026-11-26T19:00:00Z',
  committedBy: 'Avery Staff',
} as FileImportRecord

describe("an import page's flash", () => {
  it('is the notice the address names, when it is one of the feature’s notices', () => {
    expect(noticeFlash(notices, 'committed')).toEqual({ text: 'Committed.' })
    expect(noticeFlash(notices, 'nonsense')).toBeUndefined()
  })

  it('never takes a property every object has for a notice (src/http/notice.ts)', () => {
    expect(noticeFlash(notices, 'constructor')).toBeUndefined()
  })

  it("says when and by whom a file was imported before ('already'), in the network's zone", () => {
    expect(importFlash('already', item, { notices, timeZone: 'America/New_York' })).toEqual({
      text: 'This file was already imported on November 26, 2026, 2:03 pm ET by Avery Staff: nothing was written again.',
    })
  })

  it("prefers the page's own flash to the address's notice", () => {
    const flash = { isError: true, text: 'This import is already committed.' }
    expect(importFlash('committed', item, { notices, timeZone: 'America/New_York', flash })).toBe(flash)
  })
})
