/**
 * The quarterly sharing form and the staff question and answer, read and checked without a
 * database: what a person typed in, the refusals in words they can act on.
 */
import { z } from 'zod'
import { checkForm } from '#src/http/form.ts'
import { addDays, isIsoDate } from '#src/lib/dates.ts'
import { multiLineProblem, singleLineProblem } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatDate, formatNumber } from '#src/ui/format.ts'

export const sharingLimits = {
  audience: 200,
  channel: 100,
  description: 2000,
  evidenceUrl: 2000,
  question: 2000,
  answer: 2000,
} as const

/** Offered under the channel field; any other channel can be typed in. */
export const channelSuggestions = ['Email newsletter', 'Meeting', 'Website', 'Social media'] as const

/** How far back a sharing action can be dated. */
export const SHARING_YEARS_BACK = 2

/** What the person typed, trimmed, as the form shows it back. */
export type SharingForm = {
  sharedOn: string
  audience: string
  channel: string
  description: string
  evidenceUrl: string
  briefingIds: string[]
}

export type SharingField = keyof SharingForm | 'evidenceFile'
export type SharingErrors = Partial<Record<SharingField, string>>

/** A checked sharing action, ready to store. */
export type SharingValue = {
  sharedOn: string
  audience: string
  channel: string
  description: string | null
  evidenceUrl: string | null
  briefingIds: string[]
}

export type BriefingOption = {
  id: string
  title: string
  publishedOn: string
  /** From the library: whether it is a briefing or a resource, its address and tags. */
  kind?: 'briefing' | 'resource'
  slug?: string
  tags?: string[]
}

/** What the checks need to know beyond the form. */
export type SharingContext = {
  today: string
  organizationName: string
  /** The first day the organisation was admitted; null when it never was. */
  admittedOn: string | null
  /** The briefings the form offered. */
  briefings: readonly BriefingOption[]
}

export const emptySharingForm = (today: string): SharingForm => ({
  sharedOn: today,
  audience: '',
  channel: '',
  description: '',
  evidenceUrl: '',
  briefingIds: [],
})

const first = (input: Record<string, string[] | undefined>, key: string) => (input[key]?.[0] ?? '').trim()

/** The form's fields, from a body where every field is a list of the values sent under its name. */
export function readSharingForm(input: Record<string, string[] | undefined>): SharingForm {
  return {
    sharedOn: first(input, 'sharedOn'),
    audience: first(input, 'audience'),
    channel: first(input, 'channel'),
    description: first(input, 'description'),
    evidenceUrl: first(input, 'evidenceUrl'),
    briefingIds: [...new Set((input.briefingIds ?? []).map((id) => id.trim()).filter(Boolean))],
  }
}

/** The first day a sharing action can be dated on: the same day two years ago (Feb 29 → Mar 1). */
export function earliestSharingDate(today: string): string {
  const year = String(Number(today.slice(0, 4)) - SHARING_YEARS_BACK).padStart(4, '0')
  const sameDay = `${year}${today.slice(4)}`
  return isIsoDate(sameDay) ? sameDay : addDays(`${year}-02-28`, 1)
}

const tooLong = (what: string, limit: number, length: number) =>
  `${what} in at most ${formatNumber(limit)} characters (this one has ${formatNumber(length)}).`

function dateProblem(sharedOn: string, context: SharingContext): string | undefined {
  if (!isIsoDate(sharedOn)) return 'Enter the date you shared, such as 2026-11-02 (year, month, day).'
  if (sharedOn > context.today)
    return `The date cannot be in the future: enter today (${formatDate(context.today)}) or an earlier day.`
  if (context.admittedOn && sharedOn < context.admittedOn)
    return `${context.organizationName} was admitted on ${formatDate(context.admittedOn)}: enter that day or a later one.`
  const earliest = earliestSharingDate(context.today)
  if (sharedOn < earliest) return `Enter a date within the last two years: ${formatDate(earliest)} or later.`
  return undefined
}

function briefingsProblem(form: SharingForm, context: SharingContext): string | undefined {
  const offered = new Map(context.briefings.map((b) => [b.id, b]))
  if (form.briefingIds.some((id) => !offered.has(id)))
    return 'Tick briefings from the list: one of those sent is not offered here. Reload the page and try again.'
  if (!isIsoDate(form.sharedOn)) return undefined
  const later = form.briefingIds
    .map((id) => offered.get(id))
    .find((b): b is BriefingOption => b !== undefined && b.publishedOn > form.sharedOn)
  if (later)
    return `“${later.title}” was published on ${formatDate(later.publishedOn)}, after the date you shared: untick it or correct the date.`
  return undefined
}

/** The message for a one-line field: not one line, empty (when `empty` says what to write), or too long. */
function lineProblem(
  value: string,
  what: string,
  rules: { empty?: string; limit: number; tooLong: string },
): string | undefined {
  const problem = singleLineProblem(value, what)
  if (problem) return problem
  if (value === '' && rules.empty) return rules.empty
  if (value.length > rules.limit) return tooLong(rules.tooLong, rules.limit, value.length)
  return undefined
}

function linkProblem(url: string): string | undefined {
  const problem = singleLineProblem(url, 'link')
  if (problem) return problem
  if (url.length > sharingLimits.evidenceUrl)
    return `A link can be at most ${formatNumber(sharingLimits.evidenceUrl)} characters (this one has ${formatNumber(url.length)}).`
  if (url !== '' && !isWebAddress(url))
    return 'Enter a full web address starting with http:// or https://, such as https://example.org/newsletter, or leave it empty.'
  return undefined
}

/** A field checked by `problem`: its message, when it has one, is the field's. */
const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value)
    if (message) ctx.addIssue({ code: 'custom', message })
  })

/** The sharing form as read (readSharingForm), checked against what it needs to know beyond it. */
export const sharingForm = (context: SharingContext) =>
  z
    .object({
      sharedOn: checked((sharedOn) => dateProblem(sharedOn, context)),
      audience: checked((audience) =>
        lineProblem(audience, 'audience', {
          empty: 'Say who you shared with, such as “Regional partners’ steering committee”.',
          limit: sharingLimits.audience,
          tooLong: 'Describe the audience',
        }),
      ),
      channel: checked((channel) =>
        lineProblem(channel, 'channel', {
          empty:
            'Say how you shared: an email newsletter, a meeting, a website, social media or another channel.',
          limit: sharingLimits.channel,
          tooLong: 'Name the channel',
        }),
      ),
      description: checked(
        (description) =>
          multiLineProblem(description, 'description') ??
          (description.length > sharingLimits.description
            ? tooLong('Write the description', sharingLimits.description, description.length)
            : undefined),
      ),
      evidenceUrl: checked(linkProblem),
      briefingIds: z.array(z.string()),
    })
    .superRefine((form, ctx) => {
      // The briefings depend on the date: none published after it.
      const message = briefingsProblem(form, context)
      if (message) ctx.addIssue({ code: 'custom', path: ['briefingIds'], message })
    })

/** Checks the form: the value to store, or a message for every field that needs a correction. */
export function checkSharingForm(
  form: SharingForm,
  context: SharingContext,
): { ok: true; value: SharingValue } | { ok: false; errors: SharingErrors } {
  // checkForm takes text fields; this form also has its ticked briefings, a list.
  const result = checkForm(sharingForm(context), form as unknown as Record<string, string>)
  if (!result.ok) return { ok: false, errors: result.errors }
  const value = result.value
  return {
    ok: true,
    value: {
      ...value,
      description: value.description === '' ? null : value.description,
      evidenceUrl: value.evidenceUrl === '' ? null : value.evidenceUrl,
    },
  }
}

/** Checks a staff question; undefined when it can be asked. */
export function questionProblem(question: string): string | undefined {
  if (question === '') return 'Write the question to ask the organisation.'
  const notText = multiLineProblem(question, 'question')
  if (notText) return notText
  if (question.length > sharingLimits.question)
    return tooLong('Write the question', sharingLimits.question, question.length)
  return undefined
}

/** Checks an answer to a staff question; undefined when it can be saved. */
export function answerProblem(answer: string): string | undefined {
  if (answer === '') return 'Write your answer to the question.'
  const notText = multiLineProblem(answer, 'answer')
  if (notText) return notText
  if (answer.length > sharingLimits.answer)
    return tooLong('Write the answer', sharingLimits.answer, answer.length)
  return undefined
}

export type Quarter = 1 | 2 | 3 | 4

/** The quarter of the year a date falls in. */
export const quarterOf = (date: string): Quarter =>
  (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter

const quarterMonths = [
  'January to March',
  'April to June',
  'July to September',
  'October to December',
] as const

/** 'January to March' for Q1. */
export const quarterMonthsText = (quarter: Quarter): string => quarterMonths[quarter - 1] ?? ''

/** The first and last day of a quarter. */
export function quarterDates(year: number, quarter: Quarter): { startsOn: string; endsOn: string } {
  const y = String(year).padStart(4, '0')
  const startMonth = quarter * 3 - 2
  const startsOn = `${y}-${String(startMonth).padStart(2, '0')}-01`
  const nextStart =
    quarter === 4
      ? `${String(year + 1).padStart(4, '0')}-01-01`
      : `${y}-${String(startMonth + 3).padStart(2, '0')}-01`
  return { startsOn, endsOn: addDays(nextStart, -1) }
}
