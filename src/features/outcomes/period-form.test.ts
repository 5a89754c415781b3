import { describe, expect, it } from 'vitest'
import { readGoalFields } from './goal-form.ts'
import type { Metric } from './metrics.ts'
import type { DesignationTerm } from './outcome-organizations.ts'
import { periodValuesOf, readPeriod } from './period-form.ts'

const term: DesignationTerm = {
  id: 'term-1',
  label: 'IMCP designated',
  period: { start: '2014-05-28', end: '2016-05-27', kind: 'designation', designationId: 'term-1' },
}
const read = (fields: Record<string, string>) => readPeriod(periodValuesOf(fields), [term])
const problem = (fields: Record<string, string>) => {
  try {
    read(fields)
  } catch (error) {
    return (error as { field: string; userMessage: string }).field
  }
  return 'none'
}

describe('the period of a report or goals', () => {
  it('reads a calendar year, a designation term, or custom dates', () => {
    expect(read({ periodKind: 'year', 'period-year': '2025' })).toEqual({
      start: '2025-01-01',
      end: '2025-12-31',
      kind: 'year',
    })
    expect(read({ periodKind: 'designation', 'period-designation': 'term-1' })).toEqual(term.period)
    expect(
      read({ periodKind: 'custom', 'period-start': '2022-01-01', 'period-end': '2022-06-30' }),
    ).toMatchObject({ start: '2022-01-01', end: '2022-06-30', kind: 'custom' })
  })

  it('names the field at fault', () => {
    expect(problem({ periodKind: 'year', 'period-year': '25' })).toBe('period-year')
    expect(problem({ periodKind: 'year', 'period-year': '1999' })).toBe('period-year')
    expect(problem({ periodKind: 'designation', 'period-designation': 'someone-elses' })).toBe(
      'period-designation',
    )
    expect(problem({ periodKind: 'custom', 'period-start': '2022-02-30', 'period-end': '2022-06-30' })).toBe(
      'period-start',
    )
    expect(problem({ periodKind: 'custom', 'period-start': '2022-06-30', 'period-end': '2022-01-01' })).toBe(
      'period-end',
    )
    expect(problem({ periodKind: 'fortnight' })).toBe('periodKind')
  })
})

describe('goals as typed', () => {
  const metrics: Metric[] = [
    {
      key: 'jobs_created',
      name: 'Jobs created',
      unit: 'count',
      description: '',
      sums: true,
      position: 1,
      retired: false,
    },
    {
      key: 'public_funding_cents',
      name: 'Public funding won',
      unit: 'usd',
      description: '',
      sums: true,
      position: 2,
      retired: false,
    },
  ]

  it('reads counts and dollars to the cent, and an empty goal as none', () => {
    expect(
      readGoalFields(metrics, {
        'goal-jobs_created': '4,347',
        'goal-public_funding_cents': '$1,300,000,000.05',
      }),
    ).toEqual({
      targets: { jobs_created: 4347, public_funding_cents: 130000000005 },
      errors: {},
    })
    expect(readGoalFields(metrics, { 'goal-jobs_created': ' ' }).targets).toEqual({
      jobs_created: null,
      public_funding_cents: null,
    })
  })

  it('names every goal that is not an amount', () => {
    const { errors } = readGoalFields(metrics, {
      'goal-jobs_created': '12.5',
      'goal-public_funding_cents': '$1.005',
    })
    expect(Object.keys(errors)).toEqual(['goal-jobs_created', 'goal-public_funding_cents'])
  })
})
