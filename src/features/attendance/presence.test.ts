import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergePresence, type PresenceRecord, reachesMinimum } from './presence.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 18, minute)).toISOString()
const session = (from: number, to: number, seconds = (to - from) * 60): PresenceRecord => ({
  seconds,
  firstJoin: at(from),
  lastLeave: at(to),
})

describe('mergePresence', () => {
  it('is nothing for no records', () => {
    expect(mergePresence([])).toEqual({ seconds: 0, firstJoin: null, lastLeave: null })
  })

  it('keeps the longer of two reports of the same session', () => {
    expect(mergePresence([session(0, 25), session(1, 24)]).seconds).toBe(25 * 60)
  })

  it('adds up sessions apart, as when the call dropped and restarted', () => {
    const merged = mergePresence([session(0, 10), session(20, 30)])
    expect(merged).toEqual({ seconds: 20 * 60, firstJoin: at(0), lastLeave: at(30) })
  })

  it('does not lose two sessions when a third record overlaps both', () => {
    expect(mergePresence([session(0, 10), session(20, 30), session(5, 25, 300)]).seconds).toBe(20 * 60)
  })

  it('lets a roll-call tick (no times) raise the total but never add to it', () => {
    const tick = { seconds: 30 * 60, firstJoin: null, lastLeave: null }
    expect(mergePresence([session(0, 8), tick]).seconds).toBe(30 * 60)
    expect(mergePresence([session(0, 10), session(20, 30), { ...tick, seconds: 60 }]).seconds).toBe(20 * 60)
  })

  it('counts from the minimum minutes on', () => {
    expect(reachesMinimum({ seconds: 600 }, 10)).toBe(true)
    expect(reachesMinimum({ seconds: 599 }, 10)).toBe(false)
  })

  const record = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 3600 }),
      )
      .map(([a, b, seconds]) => session(Math.min(a, b), Math.max(a, b), seconds)),
    fc.integer({ min: 0, max: 3600 }).map((seconds) => ({ seconds, firstJoin: null, lastLeave: null })),
  )

  it('never goes down when a record is added, and is at least each record and at most their sum', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), record, (records, extra) => {
        const before = mergePresence(records).seconds
        const after = mergePresence([...records, extra]).seconds
        expect(after).toBeGreaterThanOrEqual(before)
        expect(after).toBeGreaterThanOrEqual(extra.seconds)
        expect(after).toBeLessThanOrEqual([...records, extra].reduce((sum, r) => sum + r.seconds, 0))
      }),
    )
  })

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        expect(mergePresence([...records].reverse()).seconds).toBe(mergePresence(records).seconds)
      }),
    )
  })
})
