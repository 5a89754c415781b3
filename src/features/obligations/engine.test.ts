import { describe, expect, it } from 'vitest'
import { computeObligations, projectAttendance, viewPresentation } from './engine.ts'
import { call, callId, input, mondays, presence, seat, testSettings } from './test-records.ts'

const attendanceOf = (overrides: Parameters<typeof input>[0]) =>
  computeObligations(input(overrides)).attendance

describe('projectAttendance', () => {
  it('says "secured", "needs N of the remaining R calls" or "can no longer meet"', () => {
    expect(projectAttendance({ held: 20, attended: 15, remaining: 10 }, 0.5)).toMatchObject({
      target: 15,
      needed: 0,
      outlook: 'secured',
      phrase: 'secured',
    })
    expect(projectAttendance({ held: 20, attended: 10, remaining: 10 }, 0.5)).toMatchObject({
      needed: 5,
      outlook: 'needs',
      phrase: 'needs 5 of the remaining 10 calls',
    })
    expect(projectAttendance({ held: 20, attended: 2, remaining: 10 }, 0.5)).toMatchObject({
      needed: 13,
      outlook: 'cannot_meet',
      phrase: 'can no longer meet',
    })
  })

  it('rounds half of an odd number of calls up', () => {
    expect(projectAttendance({ held: 7, attended: 3, remaining: 0 }, 0.5)).toMatchObject({
      target: 4,
      needed: 1,
      outlook: 'cannot_meet',
    })
  })

  it('does not round a share that floating point writes a hair above a whole number', () => {
    expect(projectAttendance({ held: 10, attended: 3, remaining: 0 }, 0.3).target).toBe(3)
  })

  it('owes nothing when no call counts', () => {
    expect(projectAttendance({ held: 0, attended: 0, remaining: 0 }, 0.5)).toMatchObject({
      needed: 0,
      phrase: 'secured',
    })
  })
})

describe('the calls that count', () => {
  it('counts the held calls before today and the remaining ones from today to the end of the year', () => {
    expect(attendanceOf({})).toMatchObject({ held: 26, remaining: 26, attended: 0, target: 26, needed: 26 })
  })

  it('judges an organisation that joins mid-year on the calls from its admission on', () => {
    const a = attendanceOf({
      admissionEvents: [
        { kind: 'applied', effectiveOn: '2026-03-01' },
        { kind: 'admitted', effectiveOn: '2026-06-10' },
      ],
      seats: [seat('rep', 'representative', '2026-06-10'), seat('alt', 'alternate', '2026-06-10')],
      attendance: [presence('2026-06-01', 'rep', 30), presence('2026-06-15', 'rep', 30)],
    })
    // 15, 22 and 29 June held; 26 calls from July on.
    expect(a).toMatchObject({ held: 3, attended: 1, remaining: 26, target: 15, needed: 14 })
  })

  it('leaves out a cancelled call, even one somebody attended', () => {
    const calls = mondays('2026-01-01', '2026-12-31').map((c) =>
      c.localDate === '2026-05-25' || c.localDate === '2026-09-07' ? call(c.localDate, true) : c,
    )
    const a = attendanceOf({ calls, attendance: [presence('2026-05-25', 'rep', 30)] })
    expect(a).toMatchObject({ held: 25, remaining: 25, attended: 0 })
  })

  it('leaves out the calls while suspended and counts them again once reinstated', () => {
    const a = attendanceOf({
      admissionEvents: [
        { kind: 'admitted', effectiveOn: '2020-01-06' },
        { kind: 'suspended', effectiveOn: '2026-03-01' },
        { kind: 'reinstated', effectiveOn: '2026-04-01' },
      ],
      attendance: [presence('2026-03-09', 'rep', 30), presence('2026-04-06', 'rep', 30)],
    })
    // The five March calls do not count.
    expect(a).toMatchObject({ held: 21, attended: 1, remaining: 26 })
  })

  it('ignores calls of other years', () => {
    const calls = [...mondays('2025-12-01', '2025-12-31'), ...mondays('2026-01-01', '2027-01-31')]
    expect(attendanceOf({ calls })).toMatchObject({ held: 26, remaining: 26 })
  })

  it('has no remaining calls in a past year and no held calls in a future one', () => {
    expect(attendanceOf({ today: '2027-01-04' })).toMatchObject({ held: 52, remaining: 0 })
    expect(attendanceOf({ today: '2025-12-01' })).toMatchObject({ held: 0, remaining: 52 })
  })
})

describe('who attends for the organisation', () => {
  it('counts the representative or the alternate, once per call', () => {
    const r = computeObligations(
      input({
        attendance: [
          presence('2026-01-05', 'rep', 30),
          presence('2026-01-05', 'alt', 30),
          presence('2026-01-12', 'alt', 12),
        ],
      }),
    )
    expect(r.attendance.attended).toBe(2)
    expect(r.calls[0]).toMatchObject({ isAttended: true, presentSeatHolders: ['rep', 'alt'] })
  })

  it('does not count a call attended only by someone who holds no seat of the organisation', () => {
    const a = attendanceOf({
      attendance: [presence('2026-01-05', 'colleague', 30), presence('2026-01-12', 'other-org-rep', 30)],
    })
    expect(a.attended).toBe(0)
  })

  it('counts the old holder before a handover and the new holder after it', () => {
    const a = attendanceOf({
      seats: [
        seat('old', 'representative', '2020-01-06', '2026-06-01'),
        seat('new', 'representative', '2026-06-01'),
        seat('alt', 'alternate', '2020-01-06'),
      ],
      attendance: [
        presence('2026-05-25', 'old', 30), // counts: old holds the seat
        presence('2026-05-25', 'new', 30), // same call: still one
        presence('2026-05-18', 'new', 30), // does not count: new does not hold it yet
        presence('2026-06-01', 'old', 30), // does not count: the handover day is the new holder's
        presence('2026-06-08', 'new', 30), // counts
      ],
    })
    expect(a.attended).toBe(2)
  })

  it('needs the minimum minutes: one second under does not count', () => {
    const seconds = testSettings.minimumAttendanceMinutes * 60
    const a = attendanceOf({
      attendance: [presence('2026-01-05', 'rep', 0, seconds - 1), presence('2026-01-12', 'rep', 0, seconds)],
    })
    expect(a.attended).toBe(1)
  })

  it('merges one person’s records: two separate sessions of six minutes reach ten', () => {
    const start = '2026-01-05T18:00:00.000Z'
    const a = attendanceOf({
      attendance: [
        {
          callId: callId('2026-01-05'),
          personId: 'rep',
          seconds: 360,
          firstJoin: start,
          lastLeave: '2026-01-05T18:06:00.000Z',
        },
        {
          callId: callId('2026-01-05'),
          personId: 'rep',
          seconds: 360,
          firstJoin: '2026-01-05T18:20:00.000Z',
          lastLeave: '2026-01-05T18:26:00.000Z',
        },
        // The same session twice (a roll call and a report) does not add up.
        { callId: callId('2026-01-12'), personId: 'alt', seconds: 360, firstJoin: null, lastLeave: null },
        {
          callId: callId('2026-01-12'),
          personId: 'alt',
          seconds: 360,
          firstJoin: '2026-01-12T18:00:00.000Z',
          lastLeave: '2026-01-12T18:06:00.000Z',
        },
      ],
    })
    expect(a.attended).toBe(1)
  })

  it('does not count today’s call before it is over, nor any later one', () => {
    const a = attendanceOf({
      today: '2026-07-06',
      attendance: [presence('2026-07-06', 'rep', 30), presence('2026-07-13', 'rep', 30)],
    })
    expect(a).toMatchObject({ held: 26, attended: 0, remaining: 26 })
  })
})

describe('exactly half', () => {
  const firstHalf = mondays('2026-01-01', '2026-06-30').map((c) => presence(c.localDate, 'rep', 30))

  it('is enough: 26 of 52 calls secures the year', () => {
    expect(attendanceOf({ attendance: firstHalf })).toMatchObject({
      attended: 26,
      needed: 0,
      phrase: 'secured',
    })
  })

  it('is one short with one call less', () => {
    expect(attendanceOf({ attendance: firstHalf.slice(1) })).toMatchObject({
      needed: 1,
      phrase: 'needs 1 of the remaining 26 calls',
    })
  })
})

describe('the last call of the year', () => {
  const holiday = mondays('2026-01-01', '2026-12-31')
  const attendance = holiday.slice(0, 25).map((c) => presence(c.localDate, 'alt', 20))

  it('still counts as remaining on its own day', () => {
    const r = computeObligations(input({ today: '2026-12-28', attendance }))
    expect(r.attendance).toMatchObject({ held: 51, remaining: 1, needed: 1 })
    expect(r.attendance.phrase).toBe('needs 1 of the remaining 1 call')
  })

  it('decides the year once it is over', () => {
    const missed = computeObligations(input({ today: '2026-12-29', attendance }))
    expect(missed.attendance).toMatchObject({ held: 52, remaining: 0, needed: 1, outlook: 'cannot_meet' })
    const made = computeObligations(
      input({ today: '2026-12-29', attendance: [...attendance, presence('2026-12-28', 'rep', 15)] }),
    )
    expect(made.attendance).toMatchObject({ attended: 26, needed: 0, outlook: 'secured' })
  })
})

describe('an organisation admitted in December', () => {
  const december = input({
    today: '2026-12-15',
    admissionEvents: [{ kind: 'admitted', effectiveOn: '2026-12-10' }],
    seats: [seat('rep', 'representative', '2026-12-10'), seat('alt', 'alternate', '2026-12-10')],
    attendance: [presence('2026-12-14', 'rep', 30)],
  })

  it('is judged on the December calls only', () => {
    // 14 December held and attended; 21 and 28 remaining; it needs 2 of 3.
    expect(computeObligations(december).attendance).toMatchObject({
      held: 1,
      attended: 1,
      remaining: 2,
      target: 2,
      needed: 1,
    })
  })

  it('owes no sharing before its first full quarter, and no presentation after the 1 October cut-off', () => {
    const r = computeObligations(december)
    expect(r.sharingQuarters.map((q) => q.status)).toEqual([
      'not_required',
      'not_required',
      'not_required',
      'not_required',
    ])
    expect(r.presentation).toEqual({ status: 'none', required: false })
  })

  it('owes the presentation when admitted before the cut-off, and sharing from the next quarter', () => {
    const r = computeObligations({
      ...december,
      admissionEvents: [{ kind: 'admitted', effectiveOn: '2026-09-30' }],
    })
    expect(r.presentation.required).toBe(true)
    expect(r.sharingQuarters.map((q) => q.status)).toEqual([
      'not_required',
      'not_required',
      'not_required',
      'due',
    ])
    const onCutOff = computeObligations({
      ...december,
      admissionEvents: [{ kind: 'admitted', effectiveOn: '2026-10-01' }],
    })
    expect(onCutOff.presentation.required).toBe(false)
    expect(onCutOff.sharingQuarters[3]?.status).toBe('due')
  })

  it('owes no presentation when admitted after the last call', () => {
    const late = computeObligations({
      ...december,
      admissionEvents: [{ kind: 'admitted', effectiveOn: '2026-12-29' }],
      today: '2026-12-30',
    })
    expect(late.attendance).toMatchObject({ held: 0, remaining: 0, needed: 0, phrase: 'secured' })
    expect(late.presentation.required).toBe(false)
    expect(late.isAdmittedInYear).toBe(true)
  })
})

describe('viewPresentation', () => {
  const planned = {
    status: 'planned' as const,
    callDate: '2026-09-14',
    isCallCancelled: false,
    requestedMonth: 9,
    actualMinutes: null,
  }

  it('shows a planned slot with its call date', () => {
    expect(viewPresentation(planned, true, testSettings)).toEqual({
      status: 'planned',
      required: true,
      callDate: '2026-09-14',
    })
  })

  it('warns about a presentation outside 10 to 15 minutes, not at the limits', () => {
    const given = (actualMinutes: number | null) =>
      viewPresentation({ ...planned, status: 'given', actualMinutes }, true, testSettings)
    expect(given(9)).toMatchObject({ status: 'given', minutes: 9, lengthWarning: true })
    expect(given(10)).toMatchObject({ lengthWarning: false })
    expect(given(15)).toMatchObject({ lengthWarning: false })
    expect(given(16)).toMatchObject({ lengthWarning: true })
    expect(given(null)).toMatchObject({ minutes: null, lengthWarning: false })
  })

  it('takes a slot on a cancelled or deleted call for no slot', () => {
    expect(viewPresentation({ ...planned, isCallCancelled: true }, true, testSettings)).toEqual({
      status: 'requested',
      required: true,
      month: 9,
    })
    expect(
      viewPresentation({ ...planned, callDate: null, requestedMonth: null }, true, testSettings),
    ).toEqual({ status: 'none', required: true })
  })

  it('shows a request by its month and no row as none', () => {
    expect(viewPresentation({ ...planned, status: 'requested', callDate: null }, true, testSettings)).toEqual(
      {
        status: 'requested',
        required: true,
        month: 9,
      },
    )
    expect(viewPresentation(null, false, testSettings)).toEqual({ status: 'none', required: false })
  })
})

describe('the quarterly sharing', () => {
  it('is done with a record in the quarter, missed once it ended without one, due before', () => {
    const r = computeObligations(
      input({ today: '2026-07-01', sharing: [{ sharedOn: '2026-03-31' }, { sharedOn: '2026-07-01' }] }),
    )
    expect(r.sharingQuarters.map((q) => [q.quarter, q.status, q.records])).toEqual([
      [1, 'done', 1],
      [2, 'missed', 0],
      [3, 'done', 1],
      [4, 'due', 0],
    ])
  })

  it('is due on the quarter’s last day and missed the day after', () => {
    const status = (today: string) => computeObligations(input({ today })).sharingQuarters[0]?.status
    expect(status('2026-03-31')).toBe('due')
    expect(status('2026-04-01')).toBe('missed')
  })

  it('is not required in the quarters before admission or after withdrawal', () => {
    const r = computeObligations(
      input({
        today: '2027-01-10',
        admissionEvents: [
          { kind: 'admitted', effectiveOn: '2026-05-15' },
          { kind: 'withdrawn', effectiveOn: '2026-08-01' },
        ],
        sharing: [{ sharedOn: '2026-06-01' }],
      }),
    )
    // Admitted mid-Q2: its first full quarter is Q3 (the record of Q2 is welcome, not owed).
    expect(r.sharingQuarters.map((q) => q.status)).toEqual([
      'not_required',
      'not_required',
      'missed',
      'not_required',
    ])
  })
})
