import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startHubProcess } from './run-hub.ts'
import { eventually } from './test-app.ts'

export type Hub = Awaited<ReturnType<typeof startHubProcess>>

/** How long a test waits for the processes' timers: runs every second, and two processes' start-ups. */
export const WAIT_MS = 90_000

export type TimerHubs = {
  first: Hub
  second: Hub
  /** Stops both processes (once) and removes their data folders: their exit codes. */
  stop: () => Promise<(number | null)[]>
}

/**
 * Two `hub serve` processes on one PostgreSQL database, as two servers of a network would run:
 * each with its own data folder, the reminders' timer every second, the same signing secret, and
 * every run logged (LOG_LEVEL=debug logs a run that sends nothing too).
 */
export async function startTimerHubs(o: {
  databaseUrl: string
  smtpUrl: string
  today: string
}): Promise<TimerHubs> {
  const env = {
    DATABASE_URL: o.databaseUrl,
    SMTP_URL: o.smtpUrl,
    HUB_TODAY: o.today,
    REMINDERS: 'on',
    REMINDER_INTERVAL_SECONDS: '1',
    AUTH_SECRET: 'a-secret-both-processes-share-0123456789',
    LOG_LEVEL: 'debug',
  }
  const dirs = await Promise.all([0, 1].map(() => mkdtemp(path.join(os.tmpdir(), 'hub-timer-'))))
  const started = await Promise.allSettled(dirs.map((dir) => startHubProcess({ ...env, DATA_DIR: dir })))
  const [first, second] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined))
  if (!first || !second) {
    await Promise.all([first?.stop(), second?.stop()])
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    const failure = started.find((s) => s.status === 'rejected')
    throw new Error(`two Hub processes were not started: ${String(failure?.reason)}`)
  }
  let stopped: Promise<(number | null)[]> | undefined
  const stop = () => {
    stopped ??= Promise.all([first.stop(), second.stop()]).finally(() =>
      Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))),
    )
    return stopped
  }
  return { first, second, stop }
}

/**
 * Waits until each process has logged two more runs than it has now (`runs` counts them): once
 * everything is sent, the later runs of both must find nothing left to send.
 */
export async function twoMoreRuns(hubs: TimerHubs, runs: (hub: Hub) => number): Promise<void> {
  const settled = [runs(hubs.first), runs(hubs.second)] as const
  await eventually(
    () => runs(hubs.first) >= settled[0] + 2 && runs(hubs.second) >= settled[1] + 2,
    WAIT_MS,
    'two more runs in each process',
  )
}
