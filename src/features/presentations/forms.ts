/** What people typed into the presentation forms, checked field by field (the service checks the records). */
import { isIsoDate } from '#src/lib/dates.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { formatNumber, monthName } from '#src/ui/format.ts'
import { MINUTES_MAX, plannableYears, TITLE_MAX, yearOf } from './presentations.ts'

export type FormCheck<V, K extends string> =
  | ({ ok: true } & V)
  | { ok: false; errors: Partial<Record<K, string>>; message?: string }

const text = (fields: Record<string, string>, name: string): string => (fields[name] ?? '').trim()

const yearIn = (value: string, years: readonly number[]): number | undefined =>
  /^\d{4}$/.test(value) && years.includes(Number(value)) ? Number(value) : undefined

export type RequestValues = { year: string; requestedMonth: string; title: string }
export type RequestField = 'requestedMonth' | 'title'

/** The month asked for ('any' for no preference) and an optional title, for this year or the next. */
export function checkRequestForm(
  fields: Record<string, string>,
  today: string,
): FormCheck<{ year: number; requestedMonth: number | null; title: string | null }, RequestField> {
  const [thisYear, nextYear] = plannableYears(today)
  const year = yearIn(text(fields, 'year'), [thisYear, nextYear])
  if (year === undefined)
    return { ok: false, errors: {}, message: `Ask for a month of ${thisYear} or ${nextYear}.` }
  const errors: Partial<Record<RequestField, string>> = {}
  const month = text(fields, 'requestedMonth')
  const firstMonth = year === yearOf(today) ? Number(today.slice(5, 7)) : 1
  let requestedMonth: number | null = null
  if (month === 'any') requestedMonth = null
  else if (/^\d{1,2}$/.test(month) && Number(month) >= 1 && Number(month) <= 12) {
    requestedMonth = Number(month)
    if (requestedMonth < firstMonth)
      errors.requestedMonth = `${monthName(requestedMonth)} ${year} is over: choose ${monthName(firstMonth)} or a later month.`
  } else errors.requestedMonth = 'Choose the month you would like to present in, or “Any month”.'
  const title = text(fields, 'title')
  const titleProblem = singleLineProblem(title, 'title')
  if (titleProblem) errors.title = titleProblem
  else if (title.length > TITLE_MAX)
    errors.title = `Write the title in at most ${TITLE_MAX} characters (this one has ${formatNumber(title.length)}).`
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, year, requestedMonth, title: title === '' ? null : title }
}

/** The year staff plan: this one or the next (the weekly series is kept a year ahead). */
export function checkPlanForm(
  fields: Record<string, string>,
  today: string,
): FormCheck<{ year: number }, 'year'> {
  const years = plannableYears(today)
  const year = yearIn(text(fields, 'year'), years)
  if (year === undefined)
    return { ok: false, errors: { year: `Plan ${years[0]} or ${years[1]}: earlier years are over.` } }
  return { ok: true, year }
}

/** The date of the call to move a presentation to. */
export function checkMoveForm(fields: Record<string, string>): FormCheck<{ callDate: string }, 'callDate'> {
  const callDate = text(fields, 'callDate')
  if (!isIsoDate(callDate))
    return { ok: false, errors: { callDate: 'Choose the call to move the presentation to.' } }
  return { ok: true, callDate }
}

export type OutcomeValues = { outcome: string; actualMinutes: string }
export type OutcomeField = 'outcome' | 'actualMinutes'

/** Given with its length in whole minutes (1 to 120), or missed. */
export function checkOutcomeForm(
  fields: Record<string, string>,
): FormCheck<{ outcome: 'given'; actualMinutes: number } | { outcome: 'missed' }, OutcomeField> {
  const outcome = text(fields, 'outcome')
  const minutes = text(fields, 'actualMinutes')
  if (outcome === 'missed') return { ok: true, outcome: 'missed' }
  if (outcome !== 'given') return { ok: false, errors: { outcome: 'Choose whether it was given or missed.' } }
  const n = Number(minutes)
  if (!/^\d{1,3}$/.test(minutes) || n < 1 || n > MINUTES_MAX)
    return {
      ok: false,
      errors: {
        actualMinutes: `Enter how long it lasted in whole minutes, 1 to ${MINUTES_MAX}.`,
      },
    }
  return { ok: true, outcome: 'given', actualMinutes: n }
}
