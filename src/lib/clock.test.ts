import { describe, expect, it } from 'vitest'
import { clockAsOf, fixedClock, shiftedClock, systemClock } from './clock.ts'

const zone = 'America/New_York'

describe('the clock', () => {
  it('reads today in the network zone, not in UTC', () => {
    // 03:00 UTC on 1 December is still 30 November in New York.
    expect(fixedClock('2026-12-01T03:00:00Z', zone).today()).toBe('2026-11-30')
    expect(fixedClock('2026-12-01T03:00:00Z', 'UTC').today()).toBe('2026-12-01')
  })

  it('starts a clock as of a day at the machine time of day, and lets time move on', () => {
    let machine = Date.parse('2026-12-06T15:30:00Z')
    const clock = clockAsOf('2026-03-02', zone, () => machine)
    expect(clock.today()).toBe('2026-03-02')
    expect(clock.now().toISOString()).toBe('2026-03-02T15:30:00.000Z')
    machine += 14 * 3_600_000
    expect(clock.today()).toBe('2026-03-03')
  })

  it('keeps late evening on the same day across a daylight-saving change', () => {
    // 23:30 in New York in December (EST) moved to a July day (EDT) must still be that July day.
    const machine = Date.parse('2026-12-07T04:30:00Z')
    const clock = clockAsOf('2026-07-01', zone, () => machine)
    expect(clock.today()).toBe('2026-07-01')
    expect(clockAsOf('2026-12-20', zone, () => machine).today()).toBe('2026-12-20')
  })

  it('is the machine clock, unmoved, when nothing fixes it', () => {
    const machine = Date.parse('2026-12-06T15:30:00Z')
    expect(
      shiftedClock(0, zone, () => machine)
        .now()
        .toISOString(),
    ).toBe('2026-12-06T15:30:00.000Z')
    expect(systemClock(zone).timeZone).toBe(zone)
  })
})
