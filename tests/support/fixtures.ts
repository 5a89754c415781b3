/** The date the demo network is built for in tests: results do not move with the calendar. */
export const DEMO_TODAY = '2026-11-26'
