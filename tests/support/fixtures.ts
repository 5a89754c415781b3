import { type Clock, clockAsOf, NETWORK_TIME_ZONE } from '../../src/lib/clock.ts'

/** The date the demo network is built for in tests: results do not move with the calendar. */
export const DEMO_TODAY = '2026-11-26'

/** The Hub's clock in tests: `day` (the demo's by default) in the network's zone, whatever the machine says. */
export const testClock = (day: string = DEMO_TODAY): Clock => clockAsOf(day, NETWORK_TIME_ZONE)
