import { describe, expect, it } from 'vitest'
import { reminderScheduleFromEnv } from './schedule.ts'

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
