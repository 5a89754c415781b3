import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { admissionEventKinds, presentationStatuses } from '#src/db/schema/index.ts'
import { addDays } from '#src/lib/dates.ts'
import {
  type AttendanceRecord,
  computeObligations,
  type ObligationInput,
  type ObligationsResult,
  type PresentationRecord,
} from './engine.ts'
import { complianceStatuses } from './status.ts'
import { callId, mondays, testSettings } from './test-records.ts'

const YEAR = 2026
const YEAR_CALLS = mondays('2026-01-01', '2026-12-31')
const PEOPLE = ['p0', 'p1', 'p2', 'p3']

/** A date from `from`, at most `span` days later. */
const dateFrom = (from: string, span: number) =>
  fc.integer({ min: 0, max: span }).map((n) => addDays(from, n))
const yearDate = dateFrom('2026-01-01', 364)

const presenceArb = fc.record({
  callId: fc.constantFrom(...YEAR_CALLS.map((c) => c.id)),
  personId: fc.constantFrom(...PEOPLE, 'stranger'),
  seconds: fc.oneof(fc.integer({ min: 0, max: 1800 }), fc.constantFrom(599, 600)),
  firstJoin: fc.constant(null),
  lastLeave: fc.constant(null),
})

const inputArb: fc.Arbitrary<ObligationInput> = fc.record({
  year: fc.constant(YEAR),
  today: dateFrom('2025-12-01', 430),
  settings: fc.constant(testSettings),
  // Records begin long before, early in the year, or after it (a year with no records).
  recordsBeginOn: fc.oneof(fc.constant('2020-01-06'), dateFrom('2025-12-01', 430)),
  // Admitted once (so that most cases have calls that count), then perhaps suspended, withdrawn…
  admissionEvents: fc
    .tuple(
      dateFrom('2025-06-01', 500),
      fc.array(
        fc.record({
          kind: fc.constantFrom(...admissionEventKinds),
          effectiveOn: dateFrom('2025-06-01', 600),
        }),
        { maxLength: 3 },
      ),
    )
    .map(([admittedOn, events]) =>
      [{ kind: 'admitted' as const, effectiveOn: admittedOn }, ...events].sort((a, b) =>
        a.effectiveOn < b.effectiveOn ? -1 : 1,
      ),
    ),
  calls: fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: YEAR_CALLS.length, maxLength: YEAR_CALLS.length })
    .map((draws) => YEAR_CALLS.map((c, i) => ({ ...c, isCancelled: draws[i] === 0 }))),
  seats: fc.array(
    fc
      .record({
        personId: fc.constantFrom(...PEOPLE),
        role: fc.constantFrom('representative' as const, 'alternate' as const),
        startsOn: dateFrom('2025-10-01', 400),
        days: fc.option(fc.integer({ min: 1, max: 400 })),
      })
      .map(({ days, ...s }) => ({ ...s, endsOn: days === null ? null : addDays(s.startsOn, days) })),
    { minLength: 1, maxLength: 4 },
  ),
  // For each call, who was there (maybe nobody), and a few more records anywhere.
  attendance: fc
    .tuple(
      fc.array(fc.subarray([...PEOPLE, 'stranger'], { maxLength: 3 }), {
        minLength: YEAR_CALLS.length,
        maxLength: YEAR_CALLS.length,
      }),
      fc.integer({ min: 0, max: 1800 }),
      fc.array(presenceArb, { maxLength: 10 }),
    )
    .map(([present, seconds, more]) => [
      ...YEAR_CALLS.flatMap((c, i) =>
        (present[i] ?? []).map((personId, k) => ({
          callId: c.id,
          personId,
          seconds: (seconds + 397 * (i + k)) % 1800,
          firstJoin: null,
          lastLeave: null,
        })),
      ),
      ...more,
    ]),
  presentation: fc.option(
    fc.record({
      status: fc.constantFrom(...presentationStatuses),
      callDate: fc.option(yearDate),
      isCallCancelled: fc.boolean(),
      requestedMonth: fc.option(fc.integer({ min: 1, max: 12 })),
      actualMinutes: fc.option(fc.integer({ min: 0, max: 30 })),
    }),
  ),
  sharing: fc.array(fc.record({ sharedOn: yearDate }), { maxLength: 6 }),
})

const rank = (r: ObligationsResult) => complianceStatuses.indexOf(r.status)

describe('the obligations engine, for any records', () => {
  it('keeps the counts within bounds and the projection to its formula', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { attendance: a, calls } = computeObligations(input)
        const open = input.calls.filter((c) => !c.isCancelled).length
        expect(a.attended).toBeLessThanOrEqual(a.held)
        expect(a.held + a.remaining).toBeLessThanOrEqual(open)
        expect(calls.filter((c) => c.isAttended && !c.isHeld)).toEqual([])
        expect(a.target).toBe(Math.ceil((a.held + a.remaining) / 2))
        expect(a.needed).toBe(Math.max(0, a.target - a.attended))
        expect(a.needed).toBeLessThanOrEqual(a.target)
        expect(a.outlook).toBe(a.needed === 0 ? 'secured' : a.needed <= a.remaining ? 'needs' : 'cannot_meet')
      }),
    )
  })

  it('gives a status consistent with the projection', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeObligations(input)
        if (r.attendance.outlook === 'cannot_meet') expect(r.status).toBe('not_compliant')
        if (r.status === 'compliant') expect(r.attendance.needed).toBe(0)
        if (r.status === 'on_track' || r.status === 'at_risk')
          expect(r.attendance.needed).toBeLessThanOrEqual(r.attendance.remaining)
        if (r.status === 'on_track' && r.attendance.held > 0)
          expect(4 * r.attendance.needed).toBeLessThanOrEqual(3 * r.attendance.remaining)
        if (r.status === 'not_compliant' || r.status === 'at_risk')
          expect(r.reasons.length).toBeGreaterThan(0)
      }),
    )
  })

  it('decides every organisation once the year is over', () => {
    fc.assert(
      fc.property(inputArb, dateFrom('2027-01-01', 400), (input, today) => {
        const r = computeObligations({ ...input, today })
        expect(r.attendance.remaining).toBe(0)
        // Decided, or (only when the records begin after it) not judged at all.
        expect(r.status === 'no_records').toBe(input.recordsBeginOn > '2026-12-31')
        if (r.status !== 'no_records') expect(['compliant', 'not_compliant']).toContain(r.status)
        expect(r.sharingQuarters.map((q) => q.status)).not.toContain('due')
      }),
    )
  })

  it('owes nothing in a year in which the organisation was never admitted', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeObligations(input)
        if (r.isAdmittedInYear) return
        expect(r.attendance.held + r.attendance.remaining).toBe(0)
        expect(r.sharingQuarters.every((q) => q.status === 'not_required')).toBe(true)
        expect(r.presentation.required).toBe(false)
      }),
    )
  })

  it('never gets worse when somebody new is present on a call', () => {
    fc.assert(
      fc.property(inputArb, presenceArb, (input, extra: AttendanceRecord) => {
        fc.pre(!input.attendance.some((a) => a.callId === extra.callId && a.personId === extra.personId))
        const before = computeObligations(input)
        const after = computeObligations({ ...input, attendance: [...input.attendance, extra] })
        expect(after.attendance.attended).toBeGreaterThanOrEqual(before.attendance.attended)
        expect(after.attendance.needed).toBeLessThanOrEqual(before.attendance.needed)
        expect(rank(after)).toBeLessThanOrEqual(rank(before))
      }),
    )
  })

  it('never gets worse with one more sharing record or a presentation given', () => {
    const given: PresentationRecord = {
      status: 'given',
      callDate: '2026-03-02',
      isCallCancelled: false,
      requestedMonth: null,
      actualMinutes: 12,
    }
    fc.assert(
      fc.property(inputArb, yearDate, (input, sharedOn) => {
        const before = rank(computeObligations(input))
        expect(
          rank(computeObligations({ ...input, sharing: [...input.sharing, { sharedOn }] })),
        ).toBeLessThanOrEqual(before)
        expect(rank(computeObligations({ ...input, presentation: given }))).toBeLessThanOrEqual(before)
      }),
    )
  })

  it('does not depend on the order of the calls, seats, attendance or sharing records', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = computeObligations({
          ...input,
          calls: [...input.calls].reverse(),
          seats: [...input.seats].reverse(),
          attendance: [...input.attendance].reverse(),
          sharing: [...input.sharing].reverse(),
        })
        const r = computeObligations(input)
        expect({ ...reversed, calls: [] }).toEqual({ ...r, calls: [] })
        expect(reversed.calls.map((c) => [c.callId, c.isAttended])).toEqual(
          r.calls.map((c) => [c.callId, c.isAttended]),
        )
      }),
    )
  })

  it('counts a held call as attended exactly when a seat holder of that day was there long enough', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeObligations(input)
        for (const c of r.calls.filter((x) => x.isHeld)) {
          const holders = input.seats
            .filter((s) => s.startsOn <= c.localDate && (s.endsOn === null || s.endsOn > c.localDate))
            .map((s) => s.personId)
          // Records here carry no times, so a person's presence is their longest record.
          const expected = input.attendance.some(
            (a) => a.callId === callId(c.localDate) && holders.includes(a.personId) && a.seconds >= 600,
          )
          expect(c.isAttended).toBe(expected)
        }
      }),
    )
  })
})
