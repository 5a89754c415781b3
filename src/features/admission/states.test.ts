import { describe, expect, it } from 'vitest'
import { admissionSteps, isAdmittedDuring, isAdmittedOn, isAdmittedState } from './states.ts'

describe('the admitted states', () => {
  it('are admitted and reinstated, not applying, suspended, withdrawn or nothing yet', () => {
    expect(isAdmittedState('admitted')).toBe(true)
    expect(isAdmittedState('reinstated')).toBe(true)
    expect(isAdmittedState('applied')).toBe(false)
    expect(isAdmittedState('suspended')).toBe(false)
    expect(isAdmittedState('withdrawn')).toBe(false)
    expect(isAdmittedState(null)).toBe(false)
  })
})

describe('the admission history', () => {
  const steps = admissionSteps([
    { kind: 'applied', effectiveOn: '2026-01-10' },
    { kind: 'admitted', effectiveOn: '2026-02-01' },
    { kind: 'suspended', effectiveOn: '2026-05-01' },
    { kind: 'reinstated', effectiveOn: '2026-06-01' },
    { kind: 'withdrawn', effectiveOn: '2026-09-15' },
  ])

  it('is admitted from the admission day, not while applying, suspended or after withdrawing', () => {
    expect(isAdmittedOn(steps, '2026-01-31')).toBe(false)
    expect(isAdmittedOn(steps, '2026-02-01')).toBe(true)
    expect(isAdmittedOn(steps, '2026-05-01')).toBe(false)
    expect(isAdmittedOn(steps, '2026-06-01')).toBe(true)
    expect(isAdmittedOn(steps, '2026-09-14')).toBe(true)
    expect(isAdmittedOn(steps, '2026-09-15')).toBe(false)
  })

  it('takes the last event recorded for one date', () => {
    const sameDay = admissionSteps([
      { kind: 'admitted', effectiveOn: '2026-03-01' },
      { kind: 'suspended', effectiveOn: '2026-03-01' },
    ])
    expect(isAdmittedOn(sameDay, '2026-03-01')).toBe(false)
  })

  it('knows whether it was admitted on some day of a period', () => {
    expect(isAdmittedDuring(steps, '2026-01-01', '2026-01-31')).toBe(false)
    expect(isAdmittedDuring(steps, '2026-01-01', '2026-02-01')).toBe(true)
    expect(isAdmittedDuring(steps, '2026-05-02', '2026-05-31')).toBe(false)
    expect(isAdmittedDuring(steps, '2026-10-01', '2026-12-31')).toBe(false)
  })
})
