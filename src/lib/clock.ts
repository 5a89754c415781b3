import { TZDate } from '@date-fns/tz'
import { todayIn } from './dates.ts'

/**
 * The Hub's one source of time: now, today in the network's time zone, and that zone.
 * Built once from the configuration and passed to everything that asks "when".
 * @example const clock = clockAsOf('2026-03-02', 'America/New_York'); clock.today() // '2026-03-02'
 */
export type Clock = {
  readonly timeZone: string
  now: () => Date
  /** Today's date (YYYY-MM-DD) in the network's time zone. */
  today: () => string
}

/** The network's zone unless HUB_TIME_ZONE says otherwise (the first communities' calls are at 1 pm Eastern). */
export const NETWORK_TIME_ZONE = 'America/New_York'

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The machine's clock, read in the network's time zone. */
export function systemClock(timeZone: string): Clock {
  return shiftedClock(0, timeZone)
}

/** A clock moved by a fixed number of milliseconds from the machine's. */
export function shiftedClock(offsetMs: number, timeZone: string, readMachine = () => Date.now()): Clock {
  const now = () => new Date(readMachine() + offsetMs)
  return { timeZone, now, today: () => todayIn(timeZone, now()) }
}

/**
 * A clock that starts on `day` at the machine's time of day and then moves on as time
 * passes (HUB_TODAY, tests): whole days are added, so hours and minutes stay real.
 */
export function clockAsOf(day: string, timeZone: string, readMachine = () => Date.now()): Clock {
  const machineToday = todayIn(timeZone, new Date(readMachine()))
  // Midnight to midnight in the zone, so a daylight-saving change between the two days
  // never pushes the late evening into the next day.
  return shiftedClock(midnightIn(day, timeZone) - midnightIn(machineToday, timeZone), timeZone, readMachine)
}

/** A clock that never moves (pure tests). */
export function fixedClock(instant: Date | string, timeZone: string): Clock {
  const at = new Date(instant).getTime()
  return shiftedClock(0, timeZone, () => at)
}

/** How far this clock is from the machine's, for the database's hub_now() (milliseconds). */
export function clockOffsetMs(clock: Clock): number {
  return clock.now().getTime() - Date.now()
}

function midnightIn(day: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(year, month - 1, date, timeZone).getTime()
}
