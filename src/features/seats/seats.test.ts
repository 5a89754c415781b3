import { describe, expect, it } from 'vitest'
import { allowedStatusActions, reasonProblem, refusedActionMessage } from './organization-status.ts'
import { checkHandoverForm, checkSwapForm, readHandoverForm } from './seat-forms.ts'
import { lastDayHeld } from './seat-history.ts'
import { incompleteLabel } from './seat-status.ts'

const form = {
  role: 'alternate',
  email: 'new.holder@example.org',
  fullName: 'New Holder',
  effectiveOn: '2026-12-01',
}

describe('the handover form', () => {
  it('accepts a seat, an email, a name and a date, trimmed', () => {
    const typed = readHandoverForm({ ...form, email: '  new.holder@example.org ', fullName: ' New Holder ' })
    expect(checkHandoverForm(typed, false)).toEqual({ ok: true, ...form })
  })

  it('needs no name for someone already on record', () => {
    expect(checkHandoverForm({ ...form, fullName: '' }, true)).toMatchObject({ ok: true, fullName: '' })
  })

  it('asks for the name of someone new, saying why', () => {
    expect(checkHandoverForm({ ...form, fullName: '' }, false)).toEqual({
      ok: false,
      errors: {
        fullName:
          'Nobody on record has this email: enter the full name of the new holder, 1 to 200 characters.',
      },
    })
    expect(checkHandoverForm({ ...form, fullName: 'x'.repeat(201) }, false)).toEqual({
      ok: false,
      errors: { fullName: 'Enter the full name of the new holder, 1 to 200 characters.' },
    })
  })

  it('says what each wrong field expects', () => {
    const result = checkHandoverForm(
      { role: 'chair', email: 'nobody', fullName: '', effectiveOn: '2026-02-29' },
      false,
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        role: 'Choose the seat to hand over: representative or alternate.',
        email: 'Enter the email address of the new holder, such as name@example.org.',
        effectiveOn: 'Enter a date such as 2026-12-01 (year, month, day).',
      },
    })
  })

  it('reads missing or repeated fields as empty, never as a crash', () => {
    expect(readHandoverForm({ role: ['a', 'b'] })).toEqual({
      role: '',
      email: '',
      fullName: '',
      effectiveOn: '',
    })
  })
})

describe('the swap form and the history', () => {
  it('takes a real calendar date only', () => {
    expect(checkSwapForm({ effectiveOn: ' 2026-12-01 ' })).toEqual({ effectiveOn: '2026-12-01' })
    expect(checkSwapForm({ effectiveOn: '12/01/2026' }).error).toBe(
      'Enter a date such as 2026-12-01 (year, month, day).',
    )
    expect(checkSwapForm({}).error).toBeDefined()
  })

  it('shows the day before the exclusive end as the last day held', () => {
    expect(lastDayHeld({ endsOn: '2026-03-01' })).toBe('2026-02-28')
    expect(lastDayHeld({ endsOn: null })).toBeNull()
  })
})

describe('admission status changes', () => {
  it('offers suspension and withdrawal to a member, reinstatement only after a suspension', () => {
    expect(allowedStatusActions('admitted')).toEqual(['suspend', 'withdraw'])
    expect(allowedStatusActions('reinstated')).toEqual(['suspend', 'withdraw'])
    expect(allowedStatusActions('suspended')).toEqual(['reinstate', 'withdraw'])
  })

  it('treats a withdrawal as final and offers nothing before an admission', () => {
    expect(allowedStatusActions('withdrawn')).toEqual([])
    expect(allowedStatusActions('applied')).toEqual([])
    expect(allowedStatusActions(null)).toEqual([])
    expect(refusedActionMessage('withdrawn', 'reinstate')).toContain('which is final')
    expect(refusedActionMessage('admitted', 'reinstate')).toBe(
      'Only a suspended organisation can be reinstated; this one is not suspended.',
    )
  })

  it('needs a reason of at most 2,000 characters', () => {
    expect(reasonProblem('')).toBe('Write the reason for this change: it is kept in the history.')
    expect(reasonProblem('x'.repeat(2001))).toBe(
      'Write the reason in at most 2,000 characters (this one has 2,001).',
    )
    expect(reasonProblem('Dues unpaid.')).toBeUndefined()
  })

  it('names the vacant seats in the incomplete badge', () => {
    expect(incompleteLabel(['representative'])).toBe('Incomplete: no representative')
    expect(incompleteLabel(['alternate'])).toBe('Incomplete: no alternate')
    expect(incompleteLabel(['representative', 'alternate'])).toBe(
      'Incomplete: no representative or alternate',
    )
  })
})
