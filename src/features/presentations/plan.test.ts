import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ExistingSlot, type PlanCall, type PlanOrganization, planPresentations } from './plan.ts'

/** The Mondays of 2027 from `from` on, every fourth of them cancelled when asked. */
function mondays(options: { cancelEvery?: number; count?: number } = {}): PlanCall[] {
  const calls: PlanCall[] = []
  const start = Date.UTC(2027, 0, 4)
  for (let i = 0; i < (options.count ?? 52); i++) {
    const date = new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10)
    const isCancelled = options.cancelEvery ? i % options.cancelEvery === options.cancelEvery - 1 : false
    calls.push({ id: `call-${date}`, date, isCancelled })
  }
  return calls
}

const org = (name: string, requestedMonth: number | null = null): PlanOrganization => ({
  id: `org-${name}`,
  name,
  requestedMonth,
})

const perCall = (placements: { callId: string }[]) => {
  const counts = new Map<string, number>()
  for (const p of placements) counts.set(p.callId, (counts.get(p.callId) ?? 0) + 1)
  return counts
}

describe('planPresentations', () => {
  it('gives an organisation a call in the month it asked for', () => {
    const { placements, unplaced } = planPresentations({
      calls: mondays(),
      organizations: [org('Amp SoCal', 6)],
      existing: [],
    })
    expect(unplaced).toEqual([])
    expect(placements).toEqual([
      {
        organizationId: 'org-Amp SoCal',
        callId: 'call-2027-06-07',
        date: '2027-06-07',
        isRequestHonoured: true,
      },
    ])
  })

  it('puts two who ask for the same month on two different calls of it', () => {
    const { placements } = planPresentations({
      calls: mondays(),
      organizations: [org('A', 3), org('B', 3)],
      existing: [],
    })
    expect(placements.map((p) => p.date)).toEqual(['2027-03-01', '2027-03-08'])
  })

  it('sends the ninth who asks for a month of four calls to the nearest month with room, the later on a tie', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']
    const { placements } = planPresentations({
      calls: mondays(),
      organizations: names.map((n) => org(n, 2)),
      existing: [],
    })
    const byOrg = new Map(placements.map((p) => [p.organizationId, p]))
    // February 2027 has four Mondays: eight presentations; the ninth goes to March, not January.
    expect(names.slice(0, 8).every((n) => byOrg.get(`org-${n}`)?.date.startsWith('2027-02'))).toBe(true)
    expect(byOrg.get('org-I')).toMatchObject({ date: '2027-03-01', isRequestHonoured: false })
  })

  it('honours every request for a month before placing those displaced from another', () => {
    // Two calls in January (full with A and B asking for January twice over), one in February.
    const calls: PlanCall[] = [
      { id: 'j1', date: '2027-01-04', isCancelled: false },
      { id: 'f1', date: '2027-02-01', isCancelled: false },
    ]
    const { placements, unplaced } = planPresentations({
      calls,
      organizations: [org('A', 1), org('B', 1), org('C', 1), org('Z', 2), org('Y', 2)],
      existing: [],
    })
    expect(placements.filter((p) => p.callId === 'f1').map((p) => p.organizationId)).toEqual([
      'org-Y',
      'org-Z',
    ])
    expect(unplaced.map((o) => o.name)).toEqual(['C'])
  })

  it('never uses a cancelled call, nor a call before the day planning starts from', () => {
    const { placements } = planPresentations({
      calls: mondays({ cancelEvery: 2 }),
      organizations: ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => org(n, 1)),
      existing: [],
      from: '2027-01-10',
    })
    const open = new Set(
      mondays({ cancelEvery: 2 })
        .filter((c) => !c.isCancelled)
        .map((c) => c.id),
    )
    for (const p of placements) {
      expect(open.has(p.callId)).toBe(true)
      expect(p.date >= '2027-01-10').toBe(true)
    }
  })

  it('spreads organisations that asked for nothing evenly over the year, one a call', () => {
    const { placements } = planPresentations({
      calls: mondays(),
      organizations: ['A', 'B', 'C', 'D'].map((n) => org(n)),
      existing: [],
    })
    expect(placements.map((p) => p.date)).toEqual(['2027-02-15', '2027-05-17', '2027-08-16', '2027-11-15'])
    expect(placements.every((p) => !p.isRequestHonoured)).toBe(true)
  })

  it('fills every call once before it puts a second presentation on any', () => {
    const calls = mondays({ count: 10 })
    const { placements } = planPresentations({
      calls,
      organizations: Array.from({ length: 13 }, (_, i) => org(`Org ${String(i).padStart(2, '0')}`)),
      existing: [],
    })
    const counts = [...perCall(placements).values()]
    expect(counts.length).toBe(10)
    expect(counts.filter((n) => n === 2).length).toBe(3)
  })

  it('keeps given, missed and planned slots where they are and counts them against the call', () => {
    const calls = mondays({ count: 2 })
    const existing: ExistingSlot[] = [
      { organizationId: 'org-A', callId: calls[0]?.id ?? '', status: 'given' },
      { organizationId: 'org-B', callId: calls[0]?.id ?? '', status: 'planned' },
      { organizationId: 'org-C', callId: calls[1]?.id ?? '', status: 'missed' },
    ]
    const { placements, unplaced } = planPresentations({
      calls,
      organizations: ['A', 'B', 'C', 'D', 'E'].map((n) => org(n, 1)),
      existing,
    })
    expect(placements).toEqual([
      { organizationId: 'org-D', callId: calls[1]?.id, date: calls[1]?.date, isRequestHonoured: true },
    ])
    expect(unplaced.map((o) => o.name)).toEqual(['E'])
  })

  it('plans again an organisation whose planned call was cancelled', () => {
    const calls = mondays({ count: 3 })
    const cancelled = { ...(calls[0] as PlanCall), isCancelled: true }
    const { placements } = planPresentations({
      calls: [cancelled, ...calls.slice(1)],
      organizations: [org('A', 1)],
      existing: [{ organizationId: 'org-A', callId: cancelled.id, status: 'planned' }],
    })
    expect(placements.map((p) => p.callId)).toEqual([calls[1]?.id])
  })

  it('says who could not be placed when the year has no room left', () => {
    const { placements, unplaced } = planPresentations({
      calls: mondays({ count: 1 }),
      organizations: [org('C'), org('A'), org('B')],
      existing: [],
    })
    expect(placements.map((p) => p.organizationId)).toEqual(['org-A', 'org-B'])
    expect(unplaced).toEqual([org('C')])
  })

  it('places nobody when every call is over or cancelled', () => {
    const { placements, unplaced } = planPresentations({
      calls: mondays({ count: 4 }),
      organizations: [org('A', 1)],
      existing: [],
      from: '2028-01-01',
    })
    expect(placements).toEqual([])
    expect(unplaced.map((o) => o.name)).toEqual(['A'])
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

/** The Mondays of 2027, each open, cancelled or missing (an extra call stands on a Wednesday now and then). */
const callsArb = fc
  .array(fc.constantFrom('open', 'open', 'open', 'open', 'open', 'cancelled', 'absent', 'wednesday'), {
    minLength: 52,
    maxLength: 52,
  })
  .map((states) =>
    states.flatMap((state, week): PlanCall[] => {
      if (state === 'absent') return []
      const shift = state === 'wednesday' ? 2 : 0
      const date = new Date(Date.UTC(2027, 0, 4) + (week * 7 + shift) * 86_400_000).toISOString().slice(0, 10)
      return [{ id: `c${date}`, date, isCancelled: state === 'cancelled' }]
    }),
  )

const inputArb = callsArb.chain((calls) =>
  fc
    .record({
      organizations: fc.uniqueArray(
        fc.record({
          id: fc.integer({ min: 0, max: 200 }).map((n) => `o${n}`),
          name: fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'alpha', 'Éclair', 'Zeta'),
          // Months that many ask for, so that some fill up.
          requestedMonth: fc.option(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(3, 6, 12)), {
            nil: null,
          }),
        }),
        { maxLength: 120, size: 'max', selector: (o) => o.id },
      ),
      existingShape: fc.array(
        fc.record({
          callIndex: fc.nat(),
          status: fc.constantFrom(
            'requested' as const,
            'planned' as const,
            'given' as const,
            'missed' as const,
          ),
        }),
        { maxLength: 30 },
      ),
      fromDay: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null, freq: 2 }),
    })
    .map(({ organizations, existingShape, fromDay }) => {
      // Existing slots belong to the first organisations, on any call (cancelled ones included).
      const existing: ExistingSlot[] = existingShape.flatMap((shape, i) => {
        const organization = organizations[i]
        if (!organization) return []
        const call = calls.length > 0 ? calls[shape.callIndex % calls.length] : undefined
        return [{ organizationId: organization.id, callId: call?.id ?? null, status: shape.status }]
      })
      const from =
        fromDay === null
          ? null
          : new Date(Date.UTC(2027, 0, 1) + fromDay * 86_400_000).toISOString().slice(0, 10)
      return { calls, organizations, existing, from }
    }),
)

type Input = {
  calls: PlanCall[]
  organizations: PlanOrganization[]
  existing: ExistingSlot[]
  from: string | null
}

/** The slots that stay where they are (written out here, not taken from plan.ts). */
const keptSlots = (input: Input): ExistingSlot[] => {
  const open = new Set(input.calls.filter((c) => !c.isCancelled).map((c) => c.id))
  return input.existing.filter(
    (e) =>
      e.status === 'given' ||
      e.status === 'missed' ||
      (e.status === 'planned' && e.callId !== null && open.has(e.callId)),
  )
}

/** Presentations on each call after the plan: those kept and the new ones. */
const loadAfter = (input: Input, placements: { callId: string }[]) =>
  perCall([...keptSlots(input).map((k) => ({ callId: k.callId ?? '' })), ...placements])

const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items]
  let s = seed
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31
    const j = s % (i + 1)
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

describe('planPresentations, for any calls and organisations', () => {
  it('never puts more than two presentations on a call, counting those already there', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { placements } = planPresentations(input)
        const total = loadAfter(input, placements)
        const keptOnly = loadAfter(input, [])
        for (const p of placements)
          expect(total.get(p.callId)).toBeLessThanOrEqual(Math.max(2, keptOnly.get(p.callId) ?? 0))
      }),
    )
  })

  it('never places anyone on a cancelled call or before the day planning starts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const calls = new Map(input.calls.map((c) => [c.id, c]))
        for (const p of planPresentations(input).placements) {
          expect(calls.get(p.callId)?.isCancelled).toBe(false)
          if (input.from) expect(p.date >= input.from).toBe(true)
        }
      }),
    )
  })

  it('gives each organisation at most one slot, none to one that keeps its slot, and reports the rest', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { placements, unplaced } = planPresentations(input)
        const ids = placements.map((p) => p.organizationId)
        expect(new Set(ids).size).toBe(ids.length)
        const keeping = new Set(keptSlots(input).map((k) => k.organizationId))
        for (const id of [...ids, ...unplaced.map((o) => o.id)]) expect(keeping.has(id)).toBe(false)
        const needing = input.organizations.filter((o) => !keeping.has(o.id))
        expect(placements.length + unplaced.length).toBe(needing.length)
      }),
    )
  })

  it('places someone in another month than asked only when that month has no room left', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { placements } = planPresentations(input)
        const load = loadAfter(input, placements)
        const requested = new Map(input.organizations.map((o) => [o.id, o.requestedMonth]))
        for (const p of placements) {
          const month = requested.get(p.organizationId)
          if (month === null || month === undefined) continue
          expect(p.isRequestHonoured).toBe(Number(p.date.slice(5, 7)) === month)
          if (p.isRequestHonoured) continue
          const roomLeft = input.calls.filter(
            (c) =>
              !c.isCancelled &&
              Number(c.date.slice(5, 7)) === month &&
              (!input.from || c.date >= input.from) &&
              (load.get(c.id) ?? 0) < 2,
          )
          expect(roomLeft).toEqual([])
        }
      }),
    )
  })

  it('leaves someone out only when no call of the year has room', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { placements, unplaced } = planPresentations(input)
        if (unplaced.length === 0) return
        const load = loadAfter(input, placements)
        const roomLeft = input.calls.filter(
          (c) => !c.isCancelled && (!input.from || c.date >= input.from) && (load.get(c.id) ?? 0) < 2,
        )
        expect(roomLeft).toEqual([])
      }),
    )
  })

  it('gives the same plan for the same input in any order', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const again = planPresentations({
          ...input,
          calls: shuffled(input.calls, seed),
          organizations: shuffled(input.organizations, seed + 1),
          existing: shuffled(input.existing, seed + 2),
        })
        expect(again).toEqual(planPresentations(input))
      }),
    )
  })
})
