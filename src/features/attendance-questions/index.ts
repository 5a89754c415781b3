/** The attendance questions feature's public face: what other features and the app may use. */
export { attendanceQuestionRoutes } from './questions.routes.tsx'
