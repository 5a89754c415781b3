/** The calendar feature's public face: what other features and the app may use. */
export { calendarRoutes, NETWORK_FEED_PATH } from './calendar.routes.ts'
export { personalFeedRoutes } from './personal-feed.routes.tsx'
