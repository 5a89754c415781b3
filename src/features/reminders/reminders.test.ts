import { describe, expect, it } from 'vitest'
import { computeObligations, type ObligationInput } from '#src/features/obligations/engine.ts'
import type { OrganizationYearRecords } from '#src/features/obligations/records.ts'
import { call, input, mondays, presence, seat } from '#src/features/obligations/test-records.ts'
import type { DueReminder } from './due-reminder.ts'
import { type DueInput, dueReminders } from './reminders.ts'

/** An organisation's records and the engine's result for them, as of `today`. */
function org(id: string, today: string, overrides: Partial<ObligationInput> = {}) {
  const records = input({ today, ...overrides })
  const org: OrganizationYearRecords = {
    id,
    name: `Organisation ${id}`,
    category: 'member',
    admissionEvents: [...records.admissionEvents],
    seats: [...records.seats],
    presentation: records.presentation,
    sharing: [...records.sharing],
  }
  return { records: org, obligations: computeObligations(records) }
}

/** Every quarter of 2026 shared, but those listed. */
const sharedExcept = (...quarters: number[]) =>
  ['2026-02-01', '2026-05-01', '2026-08-01', '2026-11-01']
    .filter((_, i) => !quarters.includes(i + 1))
    .map((sharedOn) => ({ sharedOn }))

const given = {
  status: 'given' as const,
  callDate: '2026-02-02',
  isCallCancelled: false,
  requestedMonth: null,
  actualMinutes: 12,
}

/** Present on every call before `today`: attendance is never what the test is about. */
const attendedUntil = (today: string, personId = 'rep') =>
  mondays('2026-01-01', today)
    .filter((c) => c.localDate < today)
    .map((c) => presence(c.localDate, personId, 30))

function due(today: string, orgs: ReturnType<typeof org>[], tomorrow?: DueInput['tomorrow']): DueReminder[] {
  return dueReminders({
    today,
    organizations: orgs,
    tomorrow: tomorrow ?? { calls: [], organizations: orgs.map((o) => o.records) },
  })
}

const brief = (list: DueReminder[]) => list.map((r) => `${r.kind} ${r.subject} ${r.personId}`)
const ofKind = (kind: DueReminder['kind'], list: DueReminder[]) => list.filter((r) => r.kind === kind)

describe('sharing reminders', () => {
  const quiet = { presentation: given, attendance: attendedUntil('2026-09-30') }

  it('are due from two weeks before a quarter ends without a record, to the representative and the alternate', () => {
    const a = org('a', '2026-09-16', { ...quiet, sharing: sharedExcept(3, 4) })
    expect(brief(due('2026-09-16', [a]).filter((r) => r.kind === 'sharing_due'))).toEqual([
      'sharing_due a:2026-Q3 rep',
      'sharing_due a:2026-Q3 alt',
    ])
    const [first] = ofKind(
      'sharing_due',
      due('2026-09-30', [org('a', '2026-09-30', { ...quiet, sharing: sharedExcept(3, 4) })]),
    )
    expect(first).toMatchObject({
      kind: 'sharing_due',
      quarter: 3,
      endsOn: '2026-09-30',
      role: 'representative',
    })
  })

  it('are not due earlier in the quarter, nor once the quarter has a record', () => {
    expect(due('2026-09-15', [org('a', '2026-09-15', { ...quiet, sharing: sharedExcept(3, 4) })])).toEqual([])
    const recorded = [...sharedExcept(3, 4), { sharedOn: '2026-07-02' }]
    expect(due('2026-09-20', [org('a', '2026-09-20', { ...quiet, sharing: recorded })])).toEqual([])
  })

  it('are not due for a quarter that is over (it is missed, not closing)', () => {
    const late = org('a', '2026-10-01', { ...quiet, sharing: sharedExcept(3, 4) })
    expect(due('2026-10-01', [late]).filter((r) => r.kind === 'sharing_due')).toEqual([])
  })
})

describe('presentation reminders', () => {
  const quiet = { sharing: sharedExcept(), attendance: attendedUntil('2026-12-31') }

  it('are due from 1 April when no slot is planned, with the month asked for when there is one', () => {
    expect(due('2026-03-31', [org('a', '2026-03-31', quiet)])).toEqual([])
    // No slot after March also puts the organisation at risk (status.ts): that reminder goes too.
    expect(
      brief(ofKind('presentation_unplanned', due('2026-04-01', [org('a', '2026-04-01', quiet)]))),
    ).toEqual(['presentation_unplanned a:2026 rep', 'presentation_unplanned a:2026 alt'])
    const asked = {
      status: 'requested' as const,
      callDate: null,
      isCallCancelled: false,
      requestedMonth: 6,
      actualMinutes: null,
    }
    const [first] = ofKind(
      'presentation_unplanned',
      due('2026-04-02', [org('a', '2026-04-02', { ...quiet, presentation: asked })]),
    )
    expect(first).toMatchObject({ kind: 'presentation_unplanned', requestedMonth: 6 })
  })

  it('are not due when a slot is planned on a call, given or missed, but are when the call was cancelled', () => {
    const slot = (status: 'planned' | 'given' | 'missed', isCallCancelled = false) => ({
      status,
      callDate: '2026-06-01',
      isCallCancelled,
      requestedMonth: 6,
      actualMinutes: status === 'given' ? 12 : null,
    })
    for (const status of ['planned', 'given', 'missed'] as const)
      expect(
        ofKind(
          'presentation_unplanned',
          due('2026-05-01', [org('a', '2026-05-01', { ...quiet, presentation: slot(status) })]),
        ),
      ).toEqual([])
    const onCancelled = ofKind(
      'presentation_unplanned',
      due('2026-05-01', [org('a', '2026-05-01', { ...quiet, presentation: slot('planned', true) })]),
    )
    expect(onCancelled.map((r) => r.kind)).toEqual(['presentation_unplanned', 'presentation_unplanned'])
  })

  it('are not due when no call of the year counts for the organisation (nothing to present on)', () => {
    const noCalls = org('a', '2026-05-01', { ...quiet, calls: [] })
    expect(due('2026-05-01', [noCalls])).toEqual([])
  })
})

describe('at-risk reminders', () => {
  it('go to the seat holders of an organisation at risk, once a year, with the reasons', () => {
    const a = org('a', '2026-07-01', { presentation: given, sharing: sharedExcept(3, 4) })
    const atRisk = { ...a, obligations: { ...a.obligations, status: 'at_risk' as const, reasons: ['Why.'] } }
    const list = due('2026-07-01', [atRisk])
    expect(brief(list)).toEqual(['at_risk a:2026 rep', 'at_risk a:2026 alt'])
    expect(list[0]).toMatchObject({ reasons: ['Why.'], organizationId: 'a', year: 2026 })
  })

  it('follow the engine: an organisation without attendance in the first half is at risk', () => {
    const a = org('a', '2026-07-01', { presentation: given, sharing: sharedExcept(3, 4) })
    expect(a.obligations.status).toBe('at_risk')
    expect(due('2026-07-01', [a]).map((r) => r.kind)).toEqual(['at_risk', 'at_risk'])
  })

  it('are not sent for other statuses', () => {
    const a = org('a', '2026-07-01', {
      presentation: given,
      sharing: sharedExcept(3, 4),
      attendance: attendedUntil('2026-07-01'),
    })
    expect(a.obligations.status).toBe('on_track')
    expect(due('2026-07-01', [a])).toEqual([])
  })
})

describe('who gets the organisation reminders', () => {
  it('the holders of the day: a seat handed over goes to the new holder only', () => {
    const seats = [
      seat('rep', 'representative', '2020-01-06'),
      seat('old-alt', 'alternate', '2020-01-06', '2026-04-15'),
      seat('new-alt', 'alternate', '2026-04-15'),
    ]
    const a = org('a', '2026-05-01', {
      seats,
      sharing: sharedExcept(),
      attendance: attendedUntil('2026-12-31'),
    })
    expect(brief(ofKind('presentation_unplanned', due('2026-05-01', [a])))).toEqual([
      'presentation_unplanned a:2026 rep',
      'presentation_unplanned a:2026 new-alt',
    ])
  })

  it('nobody for an organisation suspended or withdrawn today', () => {
    const admissionEvents = [
      { kind: 'admitted' as const, effectiveOn: '2020-01-06' },
      { kind: 'withdrawn' as const, effectiveOn: '2026-04-20' },
    ]
    const a = org('a', '2026-05-01', { admissionEvents, attendance: attendedUntil('2026-12-31') })
    expect(due('2026-05-01', [a])).toEqual([])
  })
})

describe('the call of tomorrow', () => {
  const calls = [call('2026-06-01'), call('2026-06-08', true)]
  const a = org('a', '2026-05-31', { attendance: attendedUntil('2026-12-31'), presentation: given })
  const b = org('b', '2026-05-31', {
    seats: [seat('rep', 'representative', '2020-01-06'), seat('b-alt', 'alternate', '2020-01-06')],
    attendance: attendedUntil('2026-12-31'),
    presentation: given,
  })
  const orgs = [a.records, b.records]

  it('is due the day before a call, once to each seat holder of an admitted organisation', () => {
    const list = due('2026-05-31', [], { calls, organizations: orgs })
    expect(brief(list)).toEqual([
      'call_tomorrow call:2026-06-01 rep',
      'call_tomorrow call:2026-06-01 alt',
      'call_tomorrow call:2026-06-01 b-alt',
    ])
    expect(list[0]).toMatchObject({ callId: 'call:2026-06-01', callDate: '2026-06-01' })
  })

  it('is not due for a cancelled call, nor on other days, nor for an organisation not admitted tomorrow', () => {
    expect(due('2026-06-07', [], { calls, organizations: orgs })).toEqual([])
    expect(due('2026-05-30', [], { calls, organizations: orgs })).toEqual([])
    const suspended = {
      ...b.records,
      admissionEvents: [
        ...b.records.admissionEvents,
        { kind: 'suspended' as const, effectiveOn: '2026-06-01' },
      ],
    }
    expect(brief(due('2026-05-31', [], { calls, organizations: [suspended] }))).toEqual([])
  })
})
