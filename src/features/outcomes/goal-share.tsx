import { percentText } from '#src/ui/format.ts'
import { exact, type OrganizationFigures } from './rollup.ts'

/**
 * How far a figure is toward its goal: their ratio, or null without a figure or without a positive
 * goal. The one rule of "of goal" on the profile, the impact page and the annual report.
 */
export function shareOfGoal(figure: number | null, goal: number | null): number | null {
  if (figure === null || goal === null || goal <= 0) return null
  return figure / goal
}

/** A network's goals and the figures measured against them, like with like. */
export type GoalsAgainstFigures = { organizations: number; goal: number; figure: number }

/**
 * The goals for `metric` of the organisations that set one and have a verified figure for it, and
 * those figures: a goal with no figure, or a figure with no goal, would compare unlike things. Null
 * when no organisation has both. The one rule of a network's "of goal".
 * @example goalsAgainstFigures(rollup.byOrganization, 'jobs_created') // { organizations: 1, goal: 80, figure: 40 }
 */
export function goalsAgainstFigures(
  orgs: readonly Pick<OrganizationFigures, 'metrics'>[],
  metric: string,
): GoalsAgainstFigures | null {
  const both = orgs.flatMap((org) => {
    const own = org.metrics.find((m) => m.key === metric)
    return own && own.goal !== null && own.total !== null ? [{ goal: own.goal, figure: own.total }] : []
  })
  if (both.length === 0) return null
  const add = (values: number[]) => exact(values.reduce((sum, v) => sum + BigInt(v), 0n))
  return {
    organizations: both.length,
    goal: add(both.map((m) => m.goal)),
    figure: add(both.map((m) => m.figure)),
  }
}

/** A dash that a screen reader reads as "none". */
export const NoFigure = () => (
  <>
    <span aria-hidden="true">–</span>
    <span class="visually-hidden">none</span>
  </>
)

/** The share of a goal as a whole percent ('83%', '<1%'), or a dash. */
export function OfGoal(props: { figure: number | null; goal: number | null }) {
  const share = shareOfGoal(props.figure, props.goal)
  return share === null ? <NoFigure /> : percentText(share)
}
