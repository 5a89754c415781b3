import type { OutcomePeriodKind } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'

/** The period a goal or report covers: a calendar year, a designation's term, or dates staff chose. */
export type OutcomePeriod = {
  start: string
  end: string
  kind: OutcomePeriodKind
  designationId?: string | null
}

const badPeriod = (field: string, userMessage: string) =>
  new AppError('BAD_INPUT', { userMessage, field: `period-${field}` })

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Calendar year `year` as a period. */
export const yearPeriod = (year: number): OutcomePeriod => ({
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  kind: 'year',
})

/**
 * A period checked: real ISO dates, the end on or after the start, within 2000-2100.
 * @throws AppError BAD_INPUT saying what was expected
 */
export function checkPeriod(period: OutcomePeriod): OutcomePeriod {
  for (const [name, value] of [
    ['start', period.start],
    ['end', period.end],
  ] as const) {
    const parsed = new Date(`${value}T00:00:00Z`)
    if (
      !isoDate.test(value) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== value
    ) {
      throw badPeriod(name, `The period's ${name} should be a date like 2016-12-31; got "${value}".`)
    }
    if (value < '2000-01-01' || value > '2100-12-31') {
      throw badPeriod(name, `The period's ${name} should be between 2000 and 2100; got ${value}.`)
    }
  }
  if (period.end < period.start) {
    throw badPeriod(
      'end',
      `The period should end on or after its start (${period.start}); got ${period.end}.`,
    )
  }
  return period
}

/** A period for people: '2016' for a calendar year, otherwise 'January 1, 2014 to December 31, 2016'. */
export function periodLabel(period: { start: string; end: string }): string {
  const year = period.start.slice(0, 4)
  if (period.start === `${year}-01-01` && period.end === `${year}-12-31`) return year
  return `${formatDate(period.start)} to ${formatDate(period.end)}`
}
