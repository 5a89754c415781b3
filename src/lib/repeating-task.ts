import { logger } from '#src/lib/logger.ts'

/** When a repeating task runs: first after `firstRunMs`, then every `intervalMs`; 'off' never. */
export type RepeatingSchedule = 'off' | { firstRunMs: number; intervalMs: number }

/** A started task: `stop` ends it (see startRepeatingTask). */
export type RepeatingTask = { stop: () => Promise<void> }

/**
 * Calls `run` once after the first delay, then at each interval, never two at once in this
 * process (a run still going when the next is due makes it skip). A run that fails is logged under
 * `name` and the next one goes ahead. Timers are unref'd: they never keep the process alive.
 * `stop` clears them, aborts the signal each run is given (a long run, such as the daily
 * Grants.gov fetch, gives up then) and waits for a run in progress.
 */
export function startRepeatingTask(
  name: string,
  run: (signal: AbortSignal) => Promise<void>,
  schedule: RepeatingSchedule,
): RepeatingTask {
  if (schedule === 'off') return { stop: async () => {} }
  const stopping = new AbortController()
  let current: Promise<void> | undefined
  let isStopped = false
  let interval: NodeJS.Timeout | undefined
  const tick = () => {
    if (current || isStopped) return
    current = run(stopping.signal)
      .catch((error: unknown) => logger.error({ err: error, task: name }, `${name} failed`))
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

/** Why a task's run was told to stop: the Hub is stopping. */
class HubStopping extends Error {
  constructor() {
    super('the Hub was stopped')
    this.name = 'HubStopping'
  }
}
