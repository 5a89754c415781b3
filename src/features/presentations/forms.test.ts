import { describe, expect, it } from 'vitest'
import { checkMoveForm, checkOutcomeForm, checkPlanForm, checkRequestForm } from './forms.ts'
import { isLengthWarning, slotState } from './slot-state.ts'

const TODAY = '2026-11-26'

describe('checkRequestForm', () => {
  it('accepts a month of next year with a title, and "Any month" as no preference', () => {
    expect(checkRequestForm({ year: '2027', requestedMonth: '3', title: ' Lean cells ' }, TODAY)).toEqual({
      ok: true,
      year: 2027,
      requestedMonth: 3,
      title: 'Lean cells',
    })
    expect(checkRequestForm({ year: '2027', requestedMonth: 'any', title: '' }, TODAY)).toMatchObject({
      ok: true,
      requestedMonth: null,
      title: null,
    })
  })

  it('refuses a month of this year that is over, and names the first month left', () => {
    expect(checkRequestForm({ year: '2026', requestedMonth: '10' }, TODAY)).toEqual({
      ok: false,
      errors: { requestedMonth: 'October 2026 is over: choose November or a later month.' },
    })
    expect(checkRequestForm({ year: '2026', requestedMonth: '11' }, TODAY)).toMatchObject({ ok: true })
  })

  it('asks for a month when none or a made-up one is sent, and refuses a year other than this one or the next', () => {
    for (const requestedMonth of ['', '13', '0', 'march', '1.5'])
      expect(checkRequestForm({ year: '2027', requestedMonth }, TODAY)).toMatchObject({
        ok: false,
        errors: { requestedMonth: expect.stringContaining('Choose the month') },
      })
    expect(checkRequestForm({ year: '2028', requestedMonth: '3' }, TODAY)).toEqual({
      ok: false,
      errors: {},
      message: 'Ask for a month of 2026 or 2027.',
    })
  })

  it('refuses a title over 200 characters and says how long it was', () => {
    expect(checkRequestForm({ year: '2027', requestedMonth: '3', title: 'a'.repeat(10_001) }, TODAY)).toEqual(
      {
        ok: false,
        errors: { title: 'Write the title in at most 200 characters (this one has 10,001).' },
      },
    )
    expect(checkRequestForm({ year: '2027', requestedMonth: '3', title: 'a'.repeat(200) }, TODAY).ok).toBe(
      true,
    )
  })
})

describe('the staff forms', () => {
  it('plans this year or the next only', () => {
    expect(checkPlanForm({ year: '2027' }, TODAY)).toEqual({ ok: true, year: 2027 })
    expect(checkPlanForm({ year: '2025' }, TODAY)).toMatchObject({ ok: false })
    expect(checkPlanForm({}, TODAY)).toMatchObject({ ok: false })
  })

  it('moves to a date, and asks for one otherwise', () => {
    expect(checkMoveForm({ callDate: '2027-03-01' })).toEqual({ ok: true, callDate: '2027-03-01' })
    expect(checkMoveForm({ callDate: '2027-02-30' })).toMatchObject({ ok: false })
  })

  it('records given with 1 to 120 whole minutes, or missed without any', () => {
    expect(checkOutcomeForm({ outcome: 'given', actualMinutes: '18' })).toEqual({
      ok: true,
      outcome: 'given',
      actualMinutes: 18,
    })
    expect(checkOutcomeForm({ outcome: 'missed', actualMinutes: 'x' })).toEqual({
      ok: true,
      outcome: 'missed',
    })
    for (const actualMinutes of ['', '0', '121', '12.5', '-3'])
      expect(checkOutcomeForm({ outcome: 'given', actualMinutes })).toMatchObject({
        ok: false,
        errors: { actualMinutes: 'Enter how long it lasted in whole minutes, 1 to 120.' },
      })
    expect(checkOutcomeForm({})).toMatchObject({ ok: false, errors: { outcome: expect.any(String) } })
  })
})

describe('slotState and the length warning', () => {
  const call = (date: string, status: 'scheduled' | 'cancelled' = 'scheduled') => ({
    id: 'c',
    date,
    status,
  })
  it('tells a planned slot, one whose call is over, and one whose call was cancelled apart', () => {
    const planned = { status: 'planned' as const, requestedMonth: 3 }
    expect(slotState(planned, call('2026-12-07'), TODAY)).toBe('planned')
    expect(slotState(planned, call(TODAY), TODAY)).toBe('planned')
    expect(slotState(planned, call('2026-11-23'), TODAY)).toBe('awaiting')
    expect(slotState(planned, call('2026-12-07', 'cancelled'), TODAY)).toBe('orphaned')
    expect(slotState(planned, null, TODAY)).toBe('orphaned')
    expect(slotState({ status: 'requested', requestedMonth: 3 }, null, TODAY)).toBe('requested')
    expect(slotState({ status: 'requested', requestedMonth: null }, null, TODAY)).toBe('none')
    expect(slotState(null, null, TODAY)).toBe('none')
  })

  it('warns outside 10 to 15 minutes, not at the limits', () => {
    const range = { presentationMinMinutes: 10, presentationMaxMinutes: 15 }
    expect([9, 10, 15, 16].map((m) => isLengthWarning(m, range))).toEqual([true, false, false, true])
    expect(isLengthWarning(null, range)).toBe(false)
  })
})
