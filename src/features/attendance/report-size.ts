/**
 * How big an attendance report may be: one limit for the upload form, the import service
 * and `hub attendance import` (real reports of a 2,000-person call are well under 1 MB;
 * the source file is kept in stored_files, whose own limit is 20 MB).
 */
import { formatMegabytes } from '#src/features/files/index.ts'
import { AppError } from '#src/lib/errors.ts'

export const MAX_REPORT_BYTES = 5 * 1024 * 1024

/** The limit in words: '5 MB'. */
export const reportLimitText = `${MAX_REPORT_BYTES / (1024 * 1024)} MB`

/** Why a report of this many bytes is refused, or null when its size is fine. */
export const reportSizeProblem = (bytes: number): string | null =>
  bytes > MAX_REPORT_BYTES
    ? `The report is ${formatMegabytes(bytes)}; the limit is ${reportLimitText}. Nothing was imported.`
    : null

/** Refuses a report over the limit by its size alone, before anything reads it. */
export function checkReportSize(bytes: number): void {
  const problem = reportSizeProblem(bytes)
  if (problem) throw new AppError('BAD_INPUT', { userMessage: problem })
}
