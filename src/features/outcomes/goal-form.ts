import { amountExpected, parseAmount } from '#src/lib/money.ts'
import type { GoalVersion } from './goals.ts'
import type { Metric } from './metrics.ts'
import type { DesignationTerm } from './outcome-organizations.ts'
import { amountText } from './outcome-parts.tsx'
import type { PeriodValues } from './period-form.ts'
import type { OutcomePeriod } from './periods.ts'

/** Each metric's goal as typed (`goal-<key>`): an amount in its unit, or null when left empty (no goal). */
export function readGoalFields(
  metrics: Metric[],
  fields: Record<string, string>,
): { targets: Record<string, number | null>; errors: Record<string, string> } {
  const targets: Record<string, number | null> = {}
  const errors: Record<string, string> = {}
  for (const metric of metrics) {
    const typed = (fields[`goal-${metric.key}`] ?? '').trim()
    const value = typed === '' ? null : parseAmount(typed, metric.unit)
    if (value === undefined)
      errors[`goal-${metric.key}`] =
        `The goal for ${metric.name} should be ${amountExpected(metric.unit)}; got "${typed}".`
    else targets[metric.key] = value
  }
  return { targets, errors }
}

/** The goal fields of a period, filled from the goals in force for it. */
export function goalValues(metrics: Metric[], goals: GoalVersion[], period: OutcomePeriod | null) {
  const values: Record<string, string> = {}
  for (const metric of metrics) {
    const goal = period
      ? goals.find(
          (g) => g.metric === metric.key && g.periodStart === period.start && g.periodEnd === period.end,
        )
      : undefined
    values[`goal-${metric.key}`] = goal?.target == null ? '' : amountText(goal.target, metric.unit)
  }
  return values
}

/** The period fields that choose a goal's period again (its designation term when it is one). */
export function periodFieldsOf(
  goal: Pick<GoalVersion, 'periodStart' | 'periodEnd' | 'periodKind'>,
  terms: DesignationTerm[],
): PeriodValues {
  const year = goal.periodStart.slice(0, 4)
  const term = terms.find((t) => t.period.start === goal.periodStart && t.period.end === goal.periodEnd)
  const isYear =
    goal.periodKind === 'year' && goal.periodStart === `${year}-01-01` && goal.periodEnd === `${year}-12-31`
  return {
    periodKind: isYear ? 'year' : goal.periodKind === 'designation' && term ? 'designation' : 'custom',
    'period-year': isYear ? year : '',
    'period-designation': term?.id ?? '',
    'period-start': goal.periodStart,
    'period-end': goal.periodEnd,
  }
}
