import { describe, expect, it } from 'vitest'
import { computeObligations } from './engine.ts'
import { networkCsv, networkCsvHeader, neutraliseFormula } from './network-csv.ts'
import type { NetworkRow } from './network-obligations.ts'

function row(name: string): NetworkRow {
  const obligations = computeObligations({
    year: 2026,
    today: '2026-01-20',
    settings: {
      minimumAttendanceMinutes: 10,
      requiredAttendanceShare: 0.5,
      presentationMinMinutes: 10,
      presentationMaxMinutes: 15,
      presentationAdmissionCutoff: '10-01',
      recordsBeginOn: null,
    },
    recordsBeginOn: '2020-01-01',
    admissionEvents: [{ kind: 'admitted', effectiveOn: '2020-01-01' }],
    calls: [
      { id: 'a', localDate: '2026-01-05', isCancelled: false },
      { id: 'b', localDate: '2026-01-12', isCancelled: false },
      { id: 'c', localDate: '2026-01-26', isCancelled: false },
    ],
    seats: [{ personId: 'p', role: 'representative', startsOn: '2020-01-01', endsOn: null }],
    attendance: [{ callId: 'a', personId: 'p', seconds: 1800, firstJoin: null, lastLeave: null }],
    presentation: {
      status: 'planned',
      callDate: '2026-01-26',
      isCallCancelled: false,
      requestedMonth: null,
      actualMinutes: null,
    },
    sharing: [{ sharedOn: '2026-01-15' }],
  })
  return { organizationId: `id-${name}`, name, category: 'bff', obligations, slug: 'x', rate: 0.5 }
}

describe('the network CSV', () => {
  it('makes text that a spreadsheet would run as a formula plain text', () => {
    for (const risky of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(risky)).toBe(`'${risky}`)
    for (const safe of ['Alpha', ' =spaced', "'quoted", '1-2', 'a=b'])
      expect(neutraliseFormula(safe)).toBe(safe)
  })

  it('writes a header and one CRLF line an organisation, quoting commas and quotes', () => {
    const csv = networkCsv([row('Alpha, Inc.'), row('=cmd|"/c calc"!A1')])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(networkCsvHeader.join(','))
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('')
    expect(lines[1]).toBe(
      '"Alpha, Inc.",BFF,At risk,2,1,50,1,1,needs 1 of the remaining 1 call,"Planned for January 26, 2026",2026-01-26,Done,Due,Due,Due,Attendance needs 1 of the remaining 1 call: more than three quarters of them.',
    )
    expect(lines[2]?.startsWith(`"'=cmd|""/c calc""!A1",BFF,`)).toBe(true)
  })

  it('leaves numbers as numbers, even negative-looking ones, and an unknown rate empty', () => {
    const noRate = { ...row('Beta'), rate: null }
    const [, line] = networkCsv([noRate]).split('\r\n')
    expect(line?.split(',').slice(3, 8)).toEqual(['2', '1', '', '1', '1'])
  })
})
