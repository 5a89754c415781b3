import { AppError } from '#src/lib/errors.ts'
import type { DesignationTerm } from './outcome-organizations.ts'
import { checkPeriod, type OutcomePeriod, yearPeriod } from './periods.ts'

/** What was typed into a period's fields (the start-a-report and goals forms share them). */
export type PeriodValues = {
  periodKind: string
  'period-year': string
  'period-designation': string
  'period-start': string
  'period-end': string
}

export const periodValuesOf = (fields: Record<string, string | undefined>): PeriodValues => ({
  periodKind: fields.periodKind ?? 'year',
  'period-year': (fields['period-year'] ?? '').trim(),
  'period-designation': fields['period-designation'] ?? '',
  'period-start': (fields['period-start'] ?? '').trim(),
  'period-end': (fields['period-end'] ?? '').trim(),
})

const bad = (field: string, userMessage: string) => new AppError('BAD_INPUT', { userMessage, field })

/**
 * The period chosen: a calendar year, one of the organisation's designation terms, or custom dates.
 * @throws AppError BAD_INPUT naming the field (`period-year`, `period-designation`, `period-start`, `period-end`)
 */
export function readPeriod(values: PeriodValues, terms: DesignationTerm[]): OutcomePeriod {
  if (values.periodKind === 'year') {
    const typed = values['period-year']
    if (!/^\d{4}$/.test(typed) || Number(typed) < 2000 || Number(typed) > 2100)
      throw bad('period-year', `Give the year as four digits between 2000 and 2100; got "${typed}".`)
    return yearPeriod(Number(typed))
  }
  if (values.periodKind === 'designation') {
    const term = terms.find((t) => t.id === values['period-designation'])
    if (!term) throw bad('period-designation', 'Choose one of the organisation’s designation terms.')
    return checkPeriod(term.period)
  }
  if (values.periodKind === 'custom') {
    return checkPeriod({ start: values['period-start'], end: values['period-end'], kind: 'custom' })
  }
  throw bad('periodKind', 'Choose a calendar year, a designation term or custom dates.')
}
