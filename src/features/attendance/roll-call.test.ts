import { describe, expect, it } from 'vitest'
import {
  type AttendanceRecord,
  assembleRollCall,
  checkTicked,
  describeOtherRecords,
  type RollCallCall,
  rollCallRefusal,
  type SeatHolder,
} from './roll-call.ts'

const call: RollCallCall = {
  id: 'call-1',
  localDate: '2026-11-23',
  startTime: '13:00',
  timeZone: 'America/New_York',
  startsAt: '2026-11-23T18:00:00Z',
  durationMinutes: 30,
  status: 'scheduled',
  cancelReason: null,
}

const record = (over: Partial<AttendanceRecord> & Pick<AttendanceRecord, 'personId'>): AttendanceRecord => ({
  seconds: 1800,
  source: 'roll_call',
  importId: null,
  firstJoin: null,
  lastLeave: null,
  ...over,
})

const zoom = (personId: string, minutes: number, from = '18:00'): AttendanceRecord => {
  const start = Date.parse(`2026-11-23T${from}:00Z`)
  return record({
    personId,
    seconds: minutes * 60,
    source: 'zoom',
    importId: 'import-1',
    firstJoin: new Date(start).toISOString(),
    lastLeave: new Date(start + minutes * 60_000).toISOString(),
  })
}

const orgs = [
  { id: 'o-b', slug: 'bravo', name: 'Bravo Works' },
  { id: 'o-a', slug: 'alpha', name: 'alpha Partnership' },
  { id: 'o-c', slug: 'charlie', name: 'Charlie Alliance' },
]
const holders: SeatHolder[] = [
  { organizationId: 'o-a', role: 'representative', personId: 'p-a1', fullName: 'Ana Alpha' },
  { organizationId: 'o-a', role: 'alternate', personId: 'p-a2', fullName: 'Abe Alpha' },
  { organizationId: 'o-b', role: 'alternate', personId: 'p-b2', fullName: 'Bea Bravo' },
  { organizationId: 'o-c', role: 'representative', personId: 'p-c1', fullName: 'Cy Charlie' },
]

const assemble = (records: AttendanceRecord[]) =>
  assembleRollCall({ call, organizations: orgs, holders, records, minimumMinutes: 10 })

describe('assembleRollCall', () => {
  it('lists the organisations alphabetically, whatever the case, with a vacant seat as null', () => {
    const rollCall = assemble([])
    expect(rollCall.organizations.map((o) => o.name)).toEqual([
      'alpha Partnership',
      'Bravo Works',
      'Charlie Alliance',
    ])
    const bravo = rollCall.organizations[1]
    expect(bravo?.seats.map((s) => s.person?.fullName ?? null)).toEqual([null, 'Bea Bravo'])
    expect(rollCall.counting).toBe(0)
    expect(rollCall.ticked).toBe(0)
  })

  it('counts the alternate when the representative is away', () => {
    const rollCall = assemble([record({ personId: 'p-a2' })])
    const alpha = rollCall.organizations[0]
    expect(alpha?.seats.map((s) => s.isTicked)).toEqual([false, true])
    expect(alpha?.counts).toBe(true)
    expect(rollCall.counting).toBe(1)
    expect(rollCall.ticked).toBe(1)
  })

  it('counts an organisation once when both its seat holders were there', () => {
    const rollCall = assemble([record({ personId: 'p-a1' }), record({ personId: 'p-a2' })])
    expect(rollCall.counting).toBe(1)
    expect(rollCall.ticked).toBe(2)
  })

  it('does not count a report below the minimum, and counts one at it', () => {
    expect(assemble([zoom('p-c1', 9)]).counting).toBe(0)
    const rollCall = assemble([zoom('p-c1', 10)])
    expect(rollCall.counting).toBe(1)
    const charlie = rollCall.organizations[2]
    expect(charlie?.seats[0].isTicked).toBe(false)
    expect(charlie?.seats[0].otherRecords).toBe('Zoom report: 10 min')
  })

  it('adds two reports of separate sessions of one person, so that together they reach the minimum', () => {
    const rollCall = assemble([zoom('p-c1', 6, '18:00'), { ...zoom('p-c1', 6, '18:20'), source: 'teams' }])
    expect(rollCall.organizations[2]?.seats[0].otherRecords).toBe('Zoom and Teams reports: 12 min')
    expect(rollCall.counting).toBe(1)
  })

  it('ignores the records of people who held no seat that day', () => {
    const rollCall = assemble([record({ personId: 'p-stranger' }), zoom('p-stranger', 30)])
    expect(rollCall.counting).toBe(0)
    expect(rollCall.ticked).toBe(0)
  })
})

describe('describeOtherRecords', () => {
  it('says nothing for the roll call alone', () => {
    expect(describeOtherRecords([record({ personId: 'p' })])).toBeNull()
  })

  it('merges overlapping reports of the same session and rounds the minutes down', () => {
    const text = describeOtherRecords([
      { ...zoom('p', 27), seconds: 27 * 60 + 59 },
      { ...zoom('p', 20, '18:05'), source: 'meet', importId: 'import-2' },
    ])
    expect(text).toBe('Zoom and Meet reports: 27 min')
  })

  it('names a demo record apart from the reports', () => {
    expect(
      describeOtherRecords([record({ personId: 'p', source: 'demo', seconds: 24 * 60 + 30 }), zoom('p', 12)]),
    ).toBe('Zoom report: 12 min; Demo record: 24 min')
  })
})

describe('rollCallRefusal', () => {
  it('takes the roll call of a call held before today, or today', () => {
    expect(rollCallRefusal(call, '2026-11-26')).toBeNull()
    expect(rollCallRefusal(call, '2026-11-23')).toBeNull()
  })

  it('refuses a call still to come', () => {
    expect(rollCallRefusal(call, '2026-11-22')).toBe(
      'The call of November 23, 2026 has not taken place yet: its roll call opens on the day of the call.',
    )
  })

  it('refuses a cancelled call, with its reason', () => {
    expect(
      rollCallRefusal(
        { ...call, status: 'cancelled', cancelReason: 'Federal holiday: Labor Day' },
        '2026-11-26',
      ),
    ).toBe(
      'The call of November 23, 2026 was cancelled (Federal holiday: Labor Day): there is no roll call to take.',
    )
  })
})

describe('checkTicked', () => {
  const allowed = new Set(['p-a1', 'p-a2'])

  it('keeps each seat holder once, whatever the case of the id', () => {
    expect(checkTicked(['p-a1', 'P-A1', ' p-a2 '], allowed)).toEqual({ ok: true, ids: ['p-a1', 'p-a2'] })
    expect(checkTicked([], allowed)).toEqual({ ok: true, ids: [] })
  })

  it('refuses anyone else, saying how many', () => {
    const one = checkTicked(['p-a1', 'p-x'], allowed)
    expect(one.ok).toBe(false)
    expect(!one.ok && one.message).toContain('the form named someone else')
    const two = checkTicked(['p-x', 'p-y'], allowed)
    expect(!two.ok && two.message).toContain('the form named 2 others')
  })
})
