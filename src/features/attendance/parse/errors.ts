import { AppError } from '#src/lib/errors.ts'

export const ACCEPTED_FORMATS =
  'expected a Zoom participants CSV, a Microsoft Teams attendance report or a Google Meet attendance CSV'

/** The refusal for anything that is not one of the meeting reports we read. */
export const notAReport = (why = 'This is not a meeting attendance report'): AppError =>
  new AppError('BAD_INPUT', { userMessage: `${why}: ${ACCEPTED_FORMATS}.` })

/** A report we recognised but whose row cannot be read. */
export const badRow = (format: string, row: number, problem: string): AppError =>
  new AppError('BAD_INPUT', {
    userMessage: `Row ${row} of this ${format} report ${problem}; the file may be damaged or cut short.`,
  })
