/** The year an outcome sheet's figures are for: a calendar year from 2000 to the current one. */
import { z } from 'zod'
import { yearPeriod } from '#src/features/outcomes/index.ts'

const FIRST_YEAR = 2000

/** The years to choose from, the current one first (its figures may be partial). */
export const importYears = (today: string): number[] => {
  const last = Number(today.slice(0, 4))
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i)
}

/** The upload form's year, read into its period. */
export const importYearForm = (today: string) => {
  const last = Number(today.slice(0, 4))
  const message = `Choose the year of the figures: ${FIRST_YEAR} to ${last}.`
  return z
    .object({
      year: z
        .string({ error: message })
        .trim()
        .regex(/^\d{4}$/, message)
        .transform(Number)
        .refine((year) => year >= FIRST_YEAR && year <= last, message),
    })
    .transform(({ year }) => ({ year, period: yearPeriod(year) }))
}
