import { describe, expect, it } from 'vitest'
import { computeObligations, type PresentationRecord } from './engine.ts'
import { presentationOutlook } from './status.ts'
import { input, mondays, presence } from './test-records.ts'

const given: PresentationRecord = {
  status: 'given',
  callDate: '2026-03-02',
  isCallCancelled: false,
  requestedMonth: 3,
  actualMinutes: 12,
}
const planned: PresentationRecord = {
  ...given,
  status: 'planned',
  callDate: '2026-09-14',
  actualMinutes: null,
}
const everyQuarter = [{ sharedOn: '2026-02-01' }, { sharedOn: '2026-05-01' }, { sharedOn: '2026-08-01' }]
const allYear = [...everyQuarter, { sharedOn: '2026-11-01' }]
/** Attended every call from January to `until`. */
const attendedUntil = (until: string) =>
  mondays('2026-01-01', until).map((c) => presence(c.localDate, 'rep', 25))

const statusOf = (overrides: Parameters<typeof input>[0]) => computeObligations(input(overrides))

describe('the overall status', () => {
  it('is on track with work left and nothing in danger', () => {
    const r = statusOf({
      attendance: attendedUntil('2026-04-30'),
      presentation: planned,
      sharing: everyQuarter,
    })
    // 17 attended of 26 held, needs 9 of the remaining 26.
    expect(r.attendance.needed).toBe(9)
    expect(r).toMatchObject({ status: 'on_track', reasons: [] })
  })

  it('is compliant as soon as everything is met, even mid-year', () => {
    const r = statusOf({
      today: '2026-11-03',
      attendance: attendedUntil('2026-06-30'),
      presentation: given,
      sharing: allYear,
    })
    expect(r.status).toBe('compliant')
  })

  it('is not yet compliant mid-year while a later quarter still needs its record', () => {
    const r = statusOf({
      attendance: attendedUntil('2026-06-30'),
      presentation: given,
      sharing: everyQuarter,
    })
    expect(r.status).toBe('on_track')
  })

  it('is at risk when attendance needs more than three quarters of the remaining calls', () => {
    // 26 held, 26 remaining: at risk from 20 needed (20 > 19.5), not at 19.
    const needing = (needed: number) =>
      statusOf({
        attendance: attendedUntil('2026-06-30').slice(0, 26 - needed),
        presentation: planned,
        sharing: everyQuarter,
      })
    expect(needing(19)).toMatchObject({ status: 'on_track' })
    const r = needing(20)
    expect(r.status).toBe('at_risk')
    expect(r.reasons).toEqual([
      'Attendance needs 20 of the remaining 26 calls: more than three quarters of them.',
    ])
  })

  it('is not compliant once attendance can no longer be met', () => {
    const r = statusOf({ today: '2026-10-01', presentation: planned, sharing: everyQuarter })
    expect(r.attendance.outlook).toBe('cannot_meet')
    expect(r.status).toBe('not_compliant')
    expect(r.reasons[0]).toBe('Attendance can no longer reach 26 of 52 calls: 0 attended, 13 remaining.')
  })

  it('is not compliant once a required quarter ended without a sharing record', () => {
    const r = statusOf({
      attendance: attendedUntil('2026-06-30'),
      presentation: given,
      sharing: [{ sharedOn: '2026-02-01' }],
    })
    expect(r.status).toBe('not_compliant')
    expect(r.reasons).toEqual(['No sharing record in Q2 (it ended on June 30, 2026).'])
  })

  it('is at risk two weeks before a quarter ends without a record, not earlier', () => {
    const at = (today: string) =>
      statusOf({
        today,
        attendance: attendedUntil('2026-06-30'),
        presentation: given,
        sharing: everyQuarter.slice(0, 2),
      })
    expect(at('2026-09-15').status).toBe('on_track')
    const r = at('2026-09-16')
    expect(r.status).toBe('at_risk')
    expect(r.reasons).toEqual(['No sharing record yet in Q3, which ends on September 30, 2026.'])
  })

  it('is at risk after a missed presentation, and not compliant when no call is left for another', () => {
    const missed: PresentationRecord = { ...given, status: 'missed', actualMinutes: null }
    const base = { attendance: attendedUntil('2026-06-30'), presentation: missed }
    expect(statusOf({ ...base, sharing: everyQuarter })).toMatchObject({
      status: 'at_risk',
      reasons: ['The presentation was missed: it needs another call this year.'],
    })
    const yearOver = statusOf({ ...base, today: '2027-01-02', sharing: allYear })
    expect(yearOver).toMatchObject({
      status: 'not_compliant',
      reasons: ['The presentation was not given, and no call is left this year to give it on.'],
    })
  })

  it('lets an organisation without a presentation slot wait until the end of March', () => {
    const at = (today: string) =>
      statusOf({ today, attendance: attendedUntil('2026-03-31'), sharing: everyQuarter })
    expect(at('2026-03-31').status).toBe('on_track')
    expect(at('2026-04-01')).toMatchObject({
      status: 'at_risk',
      reasons: ['No presentation is planned yet, and the day to choose one (March 31, 2026) is past.'],
    })
  })

  it('is compliant or not compliant, nothing in between, once the year is over', () => {
    const over = { today: '2027-01-04', presentation: given, sharing: allYear }
    expect(statusOf({ ...over, attendance: attendedUntil('2026-06-30') }).status).toBe('compliant')
    expect(statusOf({ ...over, attendance: attendedUntil('2026-06-28') }).status).toBe('not_compliant')
  })

  it('gives every reason when several obligations fail', () => {
    const r = statusOf({ today: '2027-01-04' })
    expect(r.status).toBe('not_compliant')
    expect(r.reasons).toHaveLength(1 + 1 + 4)
  })
})

describe('presentationOutlook', () => {
  it('counts a planned presentation on a past call as pending until the year has no call left', () => {
    const view = { status: 'planned' as const, required: true, callDate: '2026-03-02' }
    expect(presentationOutlook(view, 3, '2026-12-10', '2026-03-31')).toBe('pending')
    expect(presentationOutlook(view, 0, '2026-12-29', '2026-03-31')).toBe('failed')
  })

  it('asks nothing when no call of the year counts for the organisation', () => {
    expect(presentationOutlook({ status: 'none', required: false }, 0, '2027-01-04', '2026-03-31')).toBe(
      'not_required',
    )
  })
})
