import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '#src/lib/dates.ts'
import { computeObligations } from './engine.ts'
import { owedSentences } from './owed.ts'
import { input, mondays, presence, seat } from './test-records.ts'

/** A community with no history before `admittedOn`, its two seats from that day, seen on `today`. */
const newcomer = (admittedOn: string, today = admittedOn, recordsBeginOn = '2020-01-06') =>
  input({
    today,
    recordsBeginOn,
    admissionEvents: [{ kind: 'admitted', effectiveOn: admittedOn }],
    seats: [seat('rep', 'representative', admittedOn), seat('alt', 'alternate', admittedOn)],
  })

const dayOf2026 = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n))

describe('a year before the network’s records begin', () => {
  it('shows "no records" instead of "not compliant", with nothing counted', () => {
    const r = computeObligations(
      input({
        year: 2024,
        today: '2026-07-01',
        recordsBeginOn: '2025-03-03',
        calls: mondays('2024-01-01', '2024-12-31'),
      }),
    )
    expect(r.status).toBe('no_records')
    expect(r.reasons).toEqual(["The network's records begin on March 3, 2025."])
    expect(r.attendance).toMatchObject({ held: 0, remaining: 0, needed: 0 })
    expect(r.presentation.required).toBe(false)
    expect(r.sharingQuarters.map((q) => q.status)).toEqual([
      'no_records',
      'no_records',
      'no_records',
      'no_records',
    ])
  })

  it('counts only the calls from the day records begin, and calls earlier quarters "no records"', () => {
    const r = computeObligations(
      input({
        today: '2026-07-01',
        recordsBeginOn: '2026-05-04',
        attendance: [presence('2026-05-04', 'rep', 30), presence('2026-05-11', 'rep', 30)],
      }),
    )
    expect(r.calls[0]?.localDate).toBe('2026-05-04')
    expect(r.attendance.held).toBe(9)
    expect(r.sharingQuarters.map((q) => q.status)).toEqual(['no_records', 'no_records', 'due', 'due'])
    expect(r.status).not.toBe('not_compliant')
  })

  it('keeps a sharing record made before the records begin', () => {
    const r = computeObligations(
      input({ recordsBeginOn: '2026-05-04', sharing: [{ sharedOn: '2026-02-01' }] }),
    )
    expect(r.sharingQuarters[0]?.status).toBe('done')
  })
})

describe('a community admitted during the year', () => {
  it('is on track on the day it is admitted, and is told what it will owe and when', () => {
    const r = computeObligations(newcomer('2026-06-10'))
    expect(r.status).toBe('on_track')
    expect(r.presentation.required).toBe(true)
    expect(r.presentationSlotDeadline).toBe('2026-08-09')
    expect(r.sharingQuarters.map((q) => q.status)).toEqual(['not_required', 'not_required', 'due', 'due'])
    expect(owedSentences(r, '2026-06-10', '10-01')).toEqual([
      'Attend at least 15 of the 29 calls left this year, by December 31, 2026.',
      'Give the annual presentation on a call before December 31, 2026: choose a call by August 9, 2026.',
      'Record a sharing action in each of Q3 (by September 30, 2026), Q4 (by December 31, 2026).',
    ])
  })

  it('says attendance can no longer be reached instead of asking for more calls than are left', () => {
    // Admitted in June, attended nothing until December: too few calls are left to reach half.
    const r = computeObligations(newcomer('2026-06-10', '2026-12-01'))
    expect(r.attendance.outlook).toBe('cannot_meet')
    const sentences = owedSentences(r, '2026-12-01', '10-01')
    expect(sentences.some((s) => s.startsWith('Attend at least'))).toBe(false)
    expect(sentences[0]).toBe(
      `Attendance can no longer reach ${r.attendance.target} of the year’s ${r.attendance.held + r.attendance.remaining} calls: 0 attended, ${r.attendance.remaining} left. Keep attending; next year starts afresh.`,
    )
    expect(r.attendance.target).toBeGreaterThan(r.attendance.remaining)
  })

  it('owes no presentation when admitted on or after 1 October, and says when the first is due', () => {
    const r = computeObligations(newcomer('2026-10-05'))
    expect(r.presentation.required).toBe(false)
    expect(owedSentences(r, '2026-10-05', '10-01')).toContain(
      'No presentation is due in 2026: admitted on or after October 1, 2026. The first is due in 2027.',
    )
  })

  it('says the records began too late, not a late admission, when they begin after 1 October', () => {
    const r = computeObligations(newcomer('2020-01-06', '2026-11-10', '2026-11-02'))
    expect(r.presentation.required).toBe(false)
    expect(owedSentences(r, '2026-11-10', '10-01')).toContain(
      "No presentation is due in 2026: the network's records begin on November 2, 2026. The first is due in 2027.",
    )
  })

  it('is at risk when the grace for a presentation slot is over', () => {
    const at = (today: string) =>
      computeObligations({
        ...newcomer('2026-06-10', today),
        attendance: mondays('2026-06-15', today).map((c) => presence(c.localDate, 'rep', 30)),
        sharing: [{ sharedOn: '2026-07-01' }],
      })
    expect(at('2026-08-09').status).toBe('on_track')
    expect(at('2026-08-10').status).toBe('at_risk')
  })

  it('is on track (or, owing nothing, compliant) on the day of admission, whatever the day', () => {
    fc.assert(
      fc.property(dayOf2026, (day) => {
        expect(['on_track', 'compliant']).toContain(computeObligations(newcomer(day)).status)
      }),
    )
  })
})

/**
 * The rules recounted the slow way, day by day from the admission events, independently of the
 * engine's helpers: the state on a day is the last event on or before it.
 */
function admittedOn(events: readonly { kind: string; effectiveOn: string }[], day: string): boolean {
  let state: string | null = null
  for (const e of [...events].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1)))
    if (e.effectiveOn <= day) state = e.kind
  return state === 'admitted' || state === 'reinstated'
}

describe('an independent recount of the edges', () => {
  const events = fc
    .array(
      fc.record({
        kind: fc.constantFrom('admitted', 'suspended', 'reinstated', 'withdrawn'),
        effectiveOn: fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-06-01', n)),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) => [...new Map(list.map((e) => [e.effectiveOn, e])).values()])
  const begins = fc.oneof(
    fc.constant('2020-01-06'),
    fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-06-01', n)),
  )

  it('agrees with the engine on each quarter, the presentation and "no records"', () => {
    fc.assert(
      fc.property(events, begins, dayOf2026, (admissionEvents, recordsBeginOn, today) => {
        const r = computeObligations({ ...input({ today, recordsBeginOn }), admissionEvents, seats: [] })
        expect(r.status === 'no_records').toBe(recordsBeginOn > '2026-12-31')
        for (const q of r.sharingQuarters) {
          const owed = admittedOn(admissionEvents, q.startsOn)
          if (!owed) expect(q.status).toBe('not_required')
          else if (q.startsOn < recordsBeginOn) expect(q.status).toBe('no_records')
          else expect(['due', 'missed']).toContain(q.status)
        }
        let dueDay = false
        for (let d = '2026-01-01'; d < '2026-10-01'; d = addDays(d, 1))
          if (d >= recordsBeginOn && admittedOn(admissionEvents, d)) dueDay = true
        const counted = mondays('2026-01-01', '2026-12-31').filter(
          (c) => c.localDate >= recordsBeginOn && admittedOn(admissionEvents, c.localDate),
        )
        expect(r.calls.map((c) => c.localDate)).toEqual(counted.map((c) => c.localDate))
        expect(r.presentation.required).toBe(dueDay && counted.length > 0)
      }),
    )
  })
})
