import { describe, expect, it } from 'vitest'
import { goalsAgainstFigures, shareOfGoal } from './goal-share.tsx'

describe('the share of a goal', () => {
  it('is the figure over the goal, beyond the goal too', () => {
    expect(shareOfGoal(250, 1000)).toBe(0.25)
    expect(shareOfGoal(1500, 1000)).toBe(1.5)
    expect(shareOfGoal(0, 1000)).toBe(0)
  })

  it('is nothing without a figure, without a goal or with a goal of zero', () => {
    expect(shareOfGoal(null, 1000)).toBeNull()
    expect(shareOfGoal(250, null)).toBeNull()
    expect(shareOfGoal(250, 0)).toBeNull()
    expect(shareOfGoal(250, -5)).toBeNull()
  })
})

describe("a network's goals against its figures", () => {
  const org = (total: number | null, goal: number | null) => ({ metrics: [{ key: 'jobs', total, goal }] })

  it('counts only the organisations with both a goal and a verified figure', () => {
    const orgs = [org(1500, null), org(null, 150), org(40, 80), org(5, 10)]
    expect(goalsAgainstFigures(orgs, 'jobs')).toEqual({ organizations: 2, goal: 90, figure: 45 })
  })

  it('is nothing when no organisation has both', () => {
    expect(goalsAgainstFigures([org(1500, null), org(null, 150)], 'jobs')).toBeNull()
    expect(goalsAgainstFigures([org(40, 80)], 'other')).toBeNull()
  })
})
