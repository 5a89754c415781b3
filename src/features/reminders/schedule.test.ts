import { afterEach, describe, expect, it, vi } from 'vitest'
import { reminderScheduleFromEnv, startReminderLoop } from './schedule.ts'

describe('the reminder schedule from the environment', () => {
  it('runs every 15 minutes by default, first within a minute of start-up', () => {
    expect(reminderScheduleFromEnv({}, 'production')).toEqual({ firstRunMs: 60_000, intervalMs: 900_000 })
    expect(reminderScheduleFromEnv({ REMINDER_INTERVAL_SECONDS: '2' }, 'development')).toEqual({
      firstRunMs: 2000,
      intervalMs: 2000,
    })
  })

  it('is off with REMINDERS=off, and in tests unless REMINDERS=on', () => {
    expect(reminderScheduleFromEnv({ REMINDERS: 'off' }, 'production')).toBe('off')
    expect(reminderScheduleFromEnv({}, 'test')).toBe('off')
    expect(reminderScheduleFromEnv({ REMINDERS: 'on' }, 'test')).not.toBe('off')
  })

  it('stops start-up with one line for a wrong value', () => {
    expect(() => reminderScheduleFromEnv({ REMINDERS: 'sometimes' }, 'production')).toThrow(
      'REMINDERS: REMINDERS must be on or off',
    )
    for (const wrong of ['0', '86401', 'soon', '-5'])
      expect(() => reminderScheduleFromEnv({ REMINDER_INTERVAL_SECONDS: wrong }, 'production')).toThrow(
        'REMINDER_INTERVAL_SECONDS: REMINDER_INTERVAL_SECONDS must be a whole number from 1 to 86400',
      )
  })
})

describe('the reminder loop', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs once after the first delay, then at each interval, and not after stop', async () => {
    vi.useFakeTimers()
    let runs = 0
    const loop = startReminderLoop(
      async () => {
        runs++
      },
      { firstRunMs: 1000, intervalMs: 5000 },
    )
    await vi.advanceTimersByTimeAsync(999)
    expect(runs).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(runs).toBe(3)
    await loop.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(runs).toBe(3)
  })

  it('never starts a run while the last one is still going, and stop waits for it', async () => {
    vi.useFakeTimers()
    let started = 0
    let finish = () => {}
    const loop = startReminderLoop(
      () => {
        started++
        return new Promise<void>((resolve) => {
          finish = resolve
        })
      },
      { firstRunMs: 10, intervalMs: 10 },
    )
    await vi.advanceTimersByTimeAsync(100)
    expect(started).toBe(1)
    let isStopped = false
    const stopping = loop.stop().then(() => {
      isStopped = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(isStopped).toBe(false)
    finish()
    await stopping
    expect(isStopped).toBe(true)
    expect(started).toBe(1)
  })

  it('tells a run in progress to give up when stopped, with the reason', async () => {
    vi.useFakeTimers()
    let given: AbortSignal | undefined
    const loop = startReminderLoop(
      (signal) => {
        given = signal
        // A long run that ends only when told to stop (as the daily fetch's download does).
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
      },
      { firstRunMs: 10, intervalMs: 10 },
    )
    await vi.advanceTimersByTimeAsync(10)
    expect(given?.aborted).toBe(false)
    await loop.stop()
    expect(given?.aborted).toBe(true)
    expect(String(given?.reason)).toContain('the Hub was stopped')
  })

  it('does nothing when off', async () => {
    vi.useFakeTimers()
    const run = vi.fn(async () => {})
    const loop = startReminderLoop(run, 'off')
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(run).not.toHaveBeenCalled()
    await loop.stop()
  })
})
