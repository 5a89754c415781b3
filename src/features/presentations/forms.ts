/**
 * The presentation forms, one zod schema each: what people typed, checked field by field (the
 * services check the records). The schemas that need today are built from it.
 */
import { z } from 'zod'
import { checkForm } from '#src/http/form.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { formatNumber, monthName } from '#src/ui/format.ts'
import { MINUTES_MAX, plannableYears, TITLE_MAX, yearOf } from './slot-state.ts'

/** A form's answer: the values, or a message per field (and, for the form as a whole, `message`). */
export type FormCheck<V, K extends string> =
  | ({ ok: true } & V)
  | { ok: false; errors: Partial<Record<K, string>>; message?: string }

/** A posted field: absent reads as empty, spaces around it go. */
const posted = z
  .string()
  .optional()
  .transform((typed) => (typed ?? '').trim())

const yearIn = (value: string, years: readonly number[]): number | undefined =>
  /^\d{4}$/.test(value) && years.includes(Number(value)) ? Number(value) : undefined

/** 1 to 12 as typed ('3', '03'), else undefined. */
const monthOf = (value: string): number | undefined =>
  /^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= 12 ? Number(value) : undefined

function titleProblem(title: string): string | undefined {
  return (
    singleLineProblem(title, 'title') ??
    (title.length > TITLE_MAX
      ? `Write the title in at most ${TITLE_MAX} characters (this one has ${formatNumber(title.length)}).`
      : undefined)
  )
}

export type RequestValues = { year: string; requestedMonth: string; title: string }
export type RequestField = 'requestedMonth' | 'title'

/** The month asked for ('any' for no preference) and an optional title, for this year or the next. */
export const requestForm = (today: string) => {
  const years = plannableYears(today)
  return z
    .object({
      year: posted.refine(
        (year) => yearIn(year, years) !== undefined,
        `Ask for a month of ${years[0]} or ${years[1]}.`,
      ),
      requestedMonth: posted.refine(
        (month) => month === 'any' || monthOf(month) !== undefined,
        'Choose the month you would like to present in, or “Any month”.',
      ),
      title: posted.superRefine((title, ctx) => {
        const message = titleProblem(title)
        if (message) ctx.addIssue({ code: 'custom', message })
      }),
    })
    .superRefine((form, ctx) => {
      // A month of this year that is over cannot be asked for.
      const year = yearIn(form.year, years)
      const month = monthOf(form.requestedMonth)
      const firstMonth = year === yearOf(today) ? Number(today.slice(5, 7)) : 1
      if (year !== undefined && month !== undefined && month < firstMonth)
        ctx.addIssue({
          code: 'custom',
          path: ['requestedMonth'],
          message: `${monthName(month)} ${year} is over: choose ${monthName(firstMonth)} or a later month.`,
        })
    })
}

/** The request form checked: a wrong year is said once for the page (it is a hidden field). */
export function checkRequestForm(
  fields: Record<string, string>,
  today: string,
): FormCheck<{ year: number; requestedMonth: number | null; title: string | null }, RequestField> {
  const checked = checkForm(requestForm(today), fields)
  if (!checked.ok) {
    const { year, ...errors } = checked.errors
    return year ? { ok: false, errors: {}, message: year } : { ok: false, errors }
  }
  const { year, requestedMonth, title } = checked.value
  return {
    ok: true,
    year: Number(year),
    requestedMonth: requestedMonth === 'any' ? null : Number(requestedMonth),
    title: title === '' ? null : title,
  }
}

/** The year staff plan: this one or the next (the weekly series is kept a year ahead). */
export const planForm = (today: string) => {
  const years = plannableYears(today)
  return z.object({
    year: posted.refine(
      (year) => yearIn(year, years) !== undefined,
      `Plan ${years[0]} or ${years[1]}: earlier years are over.`,
    ),
  })
}

export function checkPlanForm(
  fields: Record<string, string>,
  today: string,
): FormCheck<{ year: number }, 'year'> {
  const checked = checkForm(planForm(today), fields)
  return checked.ok ? { ok: true, year: Number(checked.value.year) } : { ok: false, errors: checked.errors }
}

/** The date of the call to move a presentation to. */
export const moveForm = z.object({
  callDate: posted.refine(isIsoDate, 'Choose the call to move the presentation to.'),
})

export function checkMoveForm(fields: Record<string, string>): FormCheck<{ callDate: string }, 'callDate'> {
  const checked = checkForm(moveForm, fields)
  return checked.ok ? { ok: true, callDate: checked.value.callDate } : { ok: false, errors: checked.errors }
}

export type OutcomeValues = { outcome: string; actualMinutes: string }
export type OutcomeField = 'outcome' | 'actualMinutes'

/** Given with its length in whole minutes (1 to 120), or missed. */
export const outcomeForm = z
  .object({
    outcome: posted.refine(
      (outcome) => outcome === 'given' || outcome === 'missed',
      'Choose whether it was given or missed.',
    ),
    actualMinutes: posted,
  })
  .superRefine((form, ctx) => {
    // The length counts only for a presentation given.
    const n = Number(form.actualMinutes)
    if (form.outcome === 'given' && (!/^\d{1,3}$/.test(form.actualMinutes) || n < 1 || n > MINUTES_MAX))
      ctx.addIssue({
        code: 'custom',
        path: ['actualMinutes'],
        message: `Enter how long it lasted in whole minutes, 1 to ${MINUTES_MAX}.`,
      })
  })

export function checkOutcomeForm(
  fields: Record<string, string>,
): FormCheck<{ outcome: 'given'; actualMinutes: number } | { outcome: 'missed' }, OutcomeField> {
  const checked = checkForm(outcomeForm, fields)
  if (!checked.ok) return { ok: false, errors: checked.errors }
  return checked.value.outcome === 'missed'
    ? { ok: true, outcome: 'missed' }
    : { ok: true, outcome: 'given', actualMinutes: Number(checked.value.actualMinutes) }
}
