import { z } from 'zod'
import { AppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'

/** How often a Hub process looks for due reminders; 'off' never. */
export type ReminderSchedule = 'off' | { firstRunMs: number; intervalMs: number }

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
 * The schedule from the environment: REMINDERS=on|off (default on, but off when NODE_ENV=test, so
 * that test Hubs send no email nobody asked for) and REMINDER_INTERVAL_SECONDS (default 900).
 * A wrong value stops start-up with one clear line.
 */
export function reminderScheduleFromEnv(env: NodeJS.ProcessEnv, nodeEnv: string): ReminderSchedule {
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

/**
 * Calls `run` once after `firstRunMs`, then every `intervalMs`, never two at once in this process
 * (a run still going when the next is due makes it skip). Timers are unref'd: they never keep the
 * process alive. `stop` clears them, aborts the signal each run is given (a long run, such as the
 * daily Grants.gov fetch, gives up then) and waits for a run in progress.
 */
export function startReminderLoop(
  run: (signal: AbortSignal) => Promise<void>,
  schedule: ReminderSchedule,
): { stop: () => Promise<void> } {
  if (schedule === 'off') return { stop: async () => {} }
  const stopping = new AbortController()
  let current: Promise<void> | undefined
  let isStopped = false
  let interval: NodeJS.Timeout | undefined
  const tick = () => {
    if (current || isStopped) return
    current = run(stopping.signal)
      .catch((error: unknown) => logger.error({ err: error }, 'a reminder run failed'))
      .finally(() => {
        current = undefined
      })
  }
  const first = setTimeout(() => {
    tick()
    if (isStopped) return
    interval = setInterval(tick, schedule.intervalMs)
    interval.unref()
  }, schedule.firstRunMs)
  first.unref()
  return {
    stop: async () => {
      isStopped = true
      clearTimeout(first)
      clearInterval(interval)
      stopping.abort(new HubStopping())
      await current
    },
  }
}

/** Why a loop's run was told to stop: the Hub is stopping. */
class HubStopping extends Error {
  constructor() {
    super('the Hub was stopped')
    this.name = 'HubStopping'
  }
}
