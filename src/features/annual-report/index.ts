/** The annual report: a printable page per year and its PDF. */
export { annualReportRoutes } from './annual-report.routes.tsx'
