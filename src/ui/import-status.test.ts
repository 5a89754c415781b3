import { describe, expect, it } from 'vitest'
import type { FileImportRecord } from '#src/db/file-import-records.ts'
import { importFlash } from './import-status.tsx'

const notices = { committed: 'Committed.', undone: 'Undone.' }
const item = {
  committedAt: '2026-11-26T19:03:00Z',
  createdAt: '2026-11-26T19:00:00Z',
  committedBy: 'Avery Staff',
} as FileImportRecord

describe("an import page's flash", () => {
  it("says when and by whom a file was imported before ('already'), in the network's zone", () => {
    expect(importFlash('already', item, { notices, timeZone: 'America/New_York' })).toEqual({
      text: 'This file was already imported on November 26, 2026, 2:03 pm ET by Avery Staff: nothing was written again.',
    })
  })

  it("is otherwise one of the feature's notices, or none", () => {
    expect(importFlash('committed', item, { notices, timeZone: 'America/New_York' })).toEqual({
      text: 'Committed.',
    })
    expect(importFlash('constructor', item, { notices, timeZone: 'America/New_York' })).toBeUndefined()
    expect(importFlash(undefined, item, { notices, timeZone: 'America/New_York' })).toBeUndefined()
  })

  it("prefers the page's own flash to the address's notice", () => {
    const flash = { isError: true, text: 'This import is already committed.' }
    expect(importFlash('committed', item, { notices, timeZone: 'America/New_York', flash })).toBe(flash)
  })
})
