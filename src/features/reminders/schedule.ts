import { z } from 'zod'
import { AppError } from '#src/lib/errors.ts'
import type { RepeatingSchedule } from '#src/lib/repeating-task.ts'

/** Every 15 minutes by default: a reminder goes out within a quarter of an hour of being due. */
const DEFAULT_INTERVAL_SECONDS = 15 * 60
/** The first run waits a little after start-up (at most a minute), so that a start is not slowed down. */
const FIRST_RUN_MAX_MS = 60_000

const envSchema = z.object({
  REMINDERS: z.enum(['on', 'off'], { error: 'REMINDERS must be on or off' }).optional(),
  REMINDER_INTERVAL_SECONDS: z
    .string()
    .regex(/^\d{1,5}$/, 'REMINDER_INTERVAL_SECONDS must be a whole number from 1 to 86400')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 86_400, 'REMINDER_INTERVAL_SECONDS must be a whole number from 1 to 86400')
    .optional(),
})

/**
 * How often a Hub process looks for due reminders, from the environment: REMINDERS=on|off
 * (default on, but off when NODE_ENV=test, so that test Hubs send no email nobody asked for) and
 * REMINDER_INTERVAL_SECONDS (default 900).
 * A wrong value stops start-up with one clear line.
 */
export function reminderScheduleFromEnv(env: NodeJS.ProcessEnv, nodeEnv: string): RepeatingSchedule {
  const parsed = envSchema.safeParse({
    REMINDERS: env.REMINDERS || undefined,
    REMINDER_INTERVAL_SECONDS: env.REMINDER_INTERVAL_SECONDS || undefined,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('CONFIG', {
      userMessage: `${issue?.path.join('.') ?? 'REMINDERS'}: ${issue?.message ?? 'invalid value'}`,
    })
  }
  const isOn = (parsed.data.REMINDERS ?? (nodeEnv === 'test' ? 'off' : 'on')) === 'on'
  if (!isOn) return 'off'
  const intervalMs = (parsed.data.REMINDER_INTERVAL_SECONDS ?? DEFAULT_INTERVAL_SECONDS) * 1000
  return { firstRunMs: Math.min(intervalMs, FIRST_RUN_MAX_MS), intervalMs }
}
