import { z } from 'zod'
import { AppError } from '#src/lib/errors.ts'
import type { RepeatingSchedule } from '#src/lib/repeating-task.ts'

/** Every 15 minutes: a tick costs one read of the settings until the day's fetch is due. */
const INTERVAL_MS = 15 * 60_000
const FIRST_RUN_MS = 60_000

const envSchema = z.object({
  GRANTS_FETCH: z.enum(['on', 'off'], { error: 'GRANTS_FETCH must be on or off' }).optional(),
})

/**
 * How often a Hub process looks whether the day's extract is due: GRANTS_FETCH=on|off (default on, but off when NODE_ENV=test). On,
 * it still fetches nothing until staff set grantsFetchUrl.
 */
export function grantsFetchScheduleFromEnv(env: NodeJS.ProcessEnv, nodeEnv: string): RepeatingSchedule {
  const parsed = envSchema.safeParse({ GRANTS_FETCH: env.GRANTS_FETCH || undefined })
  if (!parsed.success)
    throw new AppError('CONFIG', {
      userMessage: `GRANTS_FETCH: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    })
  const isOn = (parsed.data.GRANTS_FETCH ?? (nodeEnv === 'test' ? 'off' : 'on')) === 'on'
  return isOn ? { firstRunMs: FIRST_RUN_MS, intervalMs: INTERVAL_MS } : 'off'
}
