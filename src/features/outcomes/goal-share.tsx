import { percentText } from '#src/ui/format.ts'

/**
 * How far a figure is toward its goal: their ratio, or null without a figure or without a positive
 * goal. The one rule of "of goal" on the profile, the impact page and the annual report.
 */
export function shareOfGoal(figure: number | null, goal: number | null): number | null {
  if (figure === null || goal === null || goal <= 0) return null
  return figure / goal
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
