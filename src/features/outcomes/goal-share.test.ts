import { describe, expect, it } from 'vitest'
import { shareOfGoal } from './goal-share.tsx'

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
