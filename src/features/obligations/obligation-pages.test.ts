import { describe, expect, it } from 'vitest'
import type { OrganizationCompliance } from './compliance.ts'
import { type CallRecord, computeObligations, type ObligationInput } from './engine.ts'
import { heatMapStates, monthlyAttendance, type NetworkRow, statusCounts } from './network-obligations.ts'
import { type NetworkQuery, readNetworkQuery, readYear, selectRows } from './network-query.ts'
import { presentationShort, presentationSummary, shortDate } from './obligation-format.ts'

const calls: CallRecord[] = [
  { id: 'c1', localDate: '2026-01-05', isCancelled: false },
  { id: 'c2', localDate: '2026-01-12', isCancelled: false },
  { id: 'c3', localDate: '2026-02-02', isCancelled: false },
  { id: 'c4', localDate: '2026-02-09', isCancelled: true },
  { id: 'c5', localDate: '2026-03-02', isCancelled: false },
]

/** An organisation through the real engine: admitted on `admittedOn`, its representative on `attended`. */
function row(
  name: string,
  options: { attended?: string[]; admittedOn?: string; category?: 'member' | 'bff'; today?: string } = {},
): NetworkRow {
  const input: ObligationInput = {
    year: 2026,
    today: options.today ?? '2026-02-20',
    settings: {
      minimumAttendanceMinutes: 10,
      requiredAttendanceShare: 0.5,
      presentationMinMinutes: 10,
      presentationMaxMinutes: 15,
      presentationAdmissionCutoff: '10-01',
      recordsBeginOn: null,
    },
    recordsBeginOn: '2020-01-01',
    admissionEvents: [{ kind: 'admitted', effectiveOn: options.admittedOn ?? '2020-01-01' }],
    calls,
    seats: [{ personId: `${name}-rep`, role: 'representative', startsOn: '2020-01-01', endsOn: null }],
    attendance: (options.attended ?? []).map((callId) => ({
      callId,
      personId: `${name}-rep`,
      seconds: 1800,
      firstJoin: null,
      lastLeave: null,
    })),
    presentation: null,
    sharing: [],
  }
  const obligations = computeObligations(input)
  const c: OrganizationCompliance = {
    organizationId: `id-${name}`,
    name,
    category: options.category ?? 'member',
    obligations,
  }
  const a = obligations.attendance
  return { ...c, slug: name.toLowerCase(), rate: a.held === 0 ? null : a.attended / a.held }
}

const query = (change: Partial<NetworkQuery> = {}): NetworkQuery => ({
  year: 2026,
  status: undefined,
  category: undefined,
  sort: 'name',
  dir: 'asc',
  ...change,
})

describe('the query of the obligations pages', () => {
  it('takes the current year when none is asked for, and refuses what is not a year', () => {
    expect(readYear(undefined, '2026-11-26')).toEqual({ year: 2026 })
    expect(readYear('', '2026-11-26')).toEqual({ year: 2026 })
    expect(readYear('2025', '2026-11-26')).toEqual({ year: 2025 })
    expect(readYear('25', '2026-11-26')).toEqual({
      problem: '“25” is not a year: write four digits, such as 2026.',
    })
    expect(readYear('2026abc', '2026-11-26')).toHaveProperty('problem')
  })

  it('reads filters and sorting, treating empty values as "all" and naming a wrong one', () => {
    expect(readNetworkQuery({ status: '', category: '' }, '2026-11-26')).toEqual({ query: query() })
    expect(
      readNetworkQuery(
        { year: '2025', status: 'at_risk', category: 'bff', sort: 'rate', dir: 'desc' },
        '2026-11-26',
      ),
    ).toEqual({ query: query({ year: 2025, status: 'at_risk', category: 'bff', sort: 'rate', dir: 'desc' }) })
    expect(readNetworkQuery({ category: 'partner' }, '2026-11-26')).toEqual({
      problem: 'The category filter takes member or bff.',
    })
    expect(readNetworkQuery({ dir: 'up' }, '2026-11-26')).toEqual({
      problem: 'The dir filter takes asc or desc.',
    })
  })
})

describe('the network rows', () => {
  // Held by 2026-02-20: c1, c2, c3 (c4 is cancelled).
  const full = row('Alpha', { attended: ['c1', 'c2', 'c3'] })
  const half = row('beta', { attended: ['c1'], category: 'bff' })
  const none = row('Gamma')
  const late = row('Delta', { admittedOn: '2026-06-01' })
  const rows = [none, late, half, full]

  it('sorts by name without regard to case, and reverses on request', () => {
    expect(selectRows(rows, query()).map((r) => r.name)).toEqual(['Alpha', 'beta', 'Delta', 'Gamma'])
    expect(selectRows(rows, query({ dir: 'desc' })).map((r) => r.name)).toEqual([
      'Gamma',
      'Delta',
      'beta',
      'Alpha',
    ])
  })

  it('sorts by rate with the organisations that have no held call last either way', () => {
    expect(late.rate).toBeNull()
    expect(selectRows(rows, query({ sort: 'rate' })).map((r) => r.name)).toEqual([
      'Gamma',
      'beta',
      'Alpha',
      'Delta',
    ])
    expect(selectRows(rows, query({ sort: 'rate', dir: 'desc' })).map((r) => r.name)).toEqual([
      'Alpha',
      'beta',
      'Gamma',
      'Delta',
    ])
  })

  it('sorts by status best first, then by name, and filters by status and category', () => {
    const byStatus = selectRows(rows, query({ sort: 'status' }))
    const order = ['compliant', 'on_track', 'at_risk', 'not_compliant']
    const ranks = byStatus.map((r) => order.indexOf(r.obligations.status))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(selectRows(rows, query({ category: 'bff' })).map((r) => r.name)).toEqual(['beta'])
    const status = full.obligations.status
    expect(selectRows(rows, query({ status })).every((r) => r.obligations.status === status)).toBe(true)
    const counts = statusCounts(rows)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length)
  })

  it('maps each organisation against the held calls: attended, not, or not admitted then', () => {
    const held = [
      { callId: 'c1', localDate: '2026-01-05' },
      { callId: 'c2', localDate: '2026-01-12' },
      { callId: 'c3', localDate: '2026-02-02' },
    ]
    expect(heatMapStates([half, late], held)).toEqual([
      ['attended', 'absent', 'absent'],
      ['not_admitted', 'not_admitted', 'not_admitted'],
    ])
  })

  it('counts the monthly rate over (organisation, held call) pairs, leaving out upcoming calls', () => {
    expect(monthlyAttendance([full, half, none, late])).toEqual([
      // January: 3 organisations × 2 calls, attended by Alpha twice and beta once.
      { month: 1, pairs: 6, attended: 3, rate: 0.5 },
      // February: the call of the 2nd only (the 9th was cancelled).
      { month: 2, pairs: 3, attended: 1, rate: 1 / 3 },
    ])
  })
})

describe('the presentation in words', () => {
  it('says what stands, at length and in short', () => {
    const given = {
      status: 'given',
      required: true,
      callDate: '2026-05-04',
      minutes: 17,
      lengthWarning: true,
    } as const
    expect(presentationSummary(given)).toBe('Given on May 4, 2026 (17 minutes: outside the usual length)')
    expect(presentationShort(given)).toBe('Given May 4 (17 min, outside the usual length)')
    expect(presentationSummary({ status: 'planned', required: true, callDate: '2026-12-07' })).toBe(
      'Planned for December 7, 2026',
    )
    expect(presentationSummary({ status: 'requested', required: true, month: 9 })).toBe(
      'September requested, no slot yet',
    )
    expect(presentationSummary({ status: 'none', required: true })).toBe('No slot yet')
    expect(presentationShort({ status: 'none', required: false })).toBe('Not required')
    expect(shortDate('2026-11-09')).toBe('Nov 9')
  })
})
