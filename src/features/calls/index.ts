/** The calls feature's public face: what other features and the app may use. */

export { BACKFILL_YEARS, type BackfillResult, backfillCallSeries } from './call-backfill.ts'
export { formatCallDate } from './call-format.ts'
export { extendCallSeries } from './call-series.ts'
export { callRoutes } from './calls.routes.tsx'
export { callAheadSql, heldCallSql, isHeld } from './held.ts'
export { planCallSeries } from './schedule.ts'
export { type AttendanceCall, type AttendanceWay, attendanceRefusal } from './takes-attendance.ts'
