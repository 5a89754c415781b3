/**
 * Planning a year of annual presentations (pure): one slot for every organisation that has
 * none, at most `capacity` presentations a call, never on a cancelled call, in the month an
 * organisation asked for where that month has room, and the others spread evenly.
 */

export type PlanCall = { id: string; date: string; isCancelled: boolean }

/** An organisation that should present this year; `requestedMonth` is 1 to 12, or null for any month. */
export type PlanOrganization = { id: string; name: string; requestedMonth: number | null }

/**
 * A presentation already on record. Given and missed ones stay as history wherever they are;
 * a planned one stays only while its call is one of the year's calls and not cancelled
 * (otherwise its organisation is planned again, as the obligations engine sees no slot there).
 */
export type ExistingSlot = {
  organizationId: string
  callId: string | null
  status: 'requested' | 'planned' | 'given' | 'missed'
}

export type PlanInput = {
  calls: readonly PlanCall[]
  organizations: readonly PlanOrganization[]
  existing: readonly ExistingSlot[]
  /** Presentations a call can take; 2 by default. */
  capacity?: number
  /** Only calls on or after this date (YYYY-MM-DD) receive new slots; null for any call of the list. */
  from?: string | null
}

export type Placement = {
  organizationId: string
  callId: string
  date: string
  /** The organisation asked for a month and got a call in it. */
  isRequestHonoured: boolean
}

export type PlanResult = {
  /** New slots, in the order of the organisations' names. */
  placements: Placement[]
  /** Organisations that still need a slot and found no call with room. */
  unplaced: PlanOrganization[]
}

export const DEFAULT_CAPACITY = 2

const monthOf = (date: string): number => Number(date.slice(5, 7))

const byName = (a: PlanOrganization, b: PlanOrganization): number =>
  a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const byDate = (a: PlanCall, b: PlanCall): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** Whether an existing presentation keeps its place (and so needs no new slot). */
export function isKeptSlot(slot: ExistingSlot, openCallIds: ReadonlySet<string>): boolean {
  if (slot.status === 'given' || slot.status === 'missed') return true
  return slot.status === 'planned' && slot.callId !== null && openCallIds.has(slot.callId)
}

/**
 * The year's plan. The same input, in any order, gives the same plan.
 * @example planPresentations({ calls, organizations, existing: [], from: '2027-01-01' })
 */
export function planPresentations(input: PlanInput): PlanResult {
  const capacity = input.capacity ?? DEFAULT_CAPACITY
  const from = input.from ?? null
  const calls = [...input.calls].sort(byDate)
  const openCallIds = new Set(calls.filter((c) => !c.isCancelled).map((c) => c.id))

  const load = new Map<string, number>()
  const hasSlot = new Set<string>()
  for (const slot of input.existing) {
    if (!isKeptSlot(slot, openCallIds)) continue
    hasSlot.add(slot.organizationId)
    if (slot.callId !== null) load.set(slot.callId, (load.get(slot.callId) ?? 0) + 1)
  }
  const loadOf = (call: PlanCall) => load.get(call.id) ?? 0

  // The calls that may take a new slot, in date order.
  const eligible = calls.filter((c) => !c.isCancelled && (from === null || c.date >= from))
  const hasRoom = (call: PlanCall) => loadOf(call) < capacity

  const seen = new Set<string>()
  const toPlace = [...input.organizations].sort(byName).filter((org) => {
    if (hasSlot.has(org.id) || seen.has(org.id)) return false
    seen.add(org.id)
    return true
  })

  const placed = new Map<string, Placement>()
  const place = (org: PlanOrganization, call: PlanCall) => {
    load.set(call.id, loadOf(call) + 1)
    placed.set(org.id, {
      organizationId: org.id,
      callId: call.id,
      date: call.date,
      isRequestHonoured: org.requestedMonth !== null && monthOf(call.date) === org.requestedMonth,
    })
  }

  /** The least loaded call with room in a month (the earliest on a tie), or undefined. */
  const bestIn = (month: number): PlanCall | undefined => {
    let best: PlanCall | undefined
    for (const call of eligible)
      if (monthOf(call.date) === month && hasRoom(call) && (!best || loadOf(call) < loadOf(best))) best = call
    return best
  }

  const validMonth = (m: number | null): m is number => m !== null && Number.isInteger(m) && m >= 1 && m <= 12
  const requesting = toPlace.filter((org) => validMonth(org.requestedMonth))

  // 1. Everyone who asked for a month gets it while it has room; nobody displaced takes it first.
  for (const org of requesting) {
    const call = bestIn(org.requestedMonth as number)
    if (call) place(org, call)
  }

  // 2. Those whose month is full (or over) get the nearest month with room; the later one on a tie.
  for (const org of requesting) {
    if (placed.has(org.id)) continue
    const asked = org.requestedMonth as number
    for (let distance = 1; distance < 12; distance++) {
      const call = bestIn(asked + distance) ?? bestIn(asked - distance)
      if (call) {
        place(org, call)
        break
      }
    }
  }

  // 3. The rest, spread evenly: each round fills the least loaded calls, evenly spaced over the year.
  const rest = toPlace.filter((org) => !placed.has(org.id))
  let next = 0
  while (next < rest.length) {
    const open = eligible.filter(hasRoom)
    if (open.length === 0) break
    const lowest = Math.min(...open.map(loadOf))
    const candidates = open.filter((c) => loadOf(c) === lowest)
    const count = Math.min(candidates.length, rest.length - next)
    for (let i = 0; i < count; i++) {
      const call = candidates[Math.floor(((i + 0.5) * candidates.length) / count)] as PlanCall
      place(rest[next++] as PlanOrganization, call)
    }
  }

  return {
    placements: toPlace.flatMap((org) => {
      const p = placed.get(org.id)
      return p ? [p] : []
    }),
    unplaced: toPlace.filter((org) => !placed.has(org.id)),
  }
}
