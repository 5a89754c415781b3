/** The calls feature's public face: what other features and the app may use. */

export { callRoutes } from './calls.routes.tsx'
export { extendCallSeries, formatCallDate } from './calls-admin.ts'
export { heldCallSql, isHeld } from './held.ts'
export { planCallSeries } from './schedule.ts'
export { type AttendanceCall, type AttendanceWay, attendanceRefusal } from './takes-attendance.ts'
