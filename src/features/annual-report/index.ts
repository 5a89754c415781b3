/** The annual report: a printable page per year and its PDF. */

export { annualReportRoutes } from './annual-report.routes.tsx'
export { annualReportPath } from './annual-report.views.tsx'
export { chromiumProblem, DEFAULT_CHROMIUM_PATH, pdfPageCount, printReportPdf } from './report-pdf.ts'
export { loadYearReport, REPORT_YEARS, reportYear, type YearReport } from './year-report.ts'
