/** The reminders feature's public face: what other features and the app may use. */

export { type OptOut, optOutOf } from './opt-out.ts'
export { peopleWhoTurnedOn } from './preferences.ts'
export { reminderRoutes } from './reminders.routes.tsx'
export { runRemindersLogged } from './reminders.ts'
export { runLogged, type WeeklyEmailRun, weeklyEmailJob } from './run-logged.ts'
export { reminderScheduleFromEnv } from './schedule.ts'
export { claimReminder, type DeliveryKey, type SendOutcome, sendOnce } from './send-once.ts'
export { unsubscribeToken, unsubscribeUrl } from './unsubscribe.ts'
