import { z } from 'zod'
import { factQualifiers, factTopics, metricUnits } from '#src/db/schema/index.ts'
import type { ReportedFactInput } from '#src/features/outcomes/index.ts'
import type { FieldErrors } from '#src/http/form.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { amountExpected, parseAmount } from '#src/lib/money.ts'
import { singleLine } from '#src/lib/text.ts'
import { formatDate, formatNumber } from '#src/ui/format.ts'

export const topicLabels: Record<(typeof factTopics)[number], string> = {
  partners: 'Partner organisations (shown beside the partner list)',
  funding: 'Funding',
  award: 'An award',
  other: 'Something else',
}

/** The topic in a word, as the list of facts shows it. */
export const topicWords: Record<(typeof factTopics)[number], string> = {
  partners: 'Partners',
  funding: 'Funding',
  award: 'Award',
  other: 'Other',
}

export const qualifierLabels: Record<(typeof factQualifiers)[number], string> = {
  exactly: 'Exactly (84)',
  over: 'Over (over 100)',
  nearly: 'Nearly (nearly 1,500)',
  more_than: 'More than (more than $140,000,000)',
}

export const unitLabels: Record<(typeof metricUnits)[number], string> = {
  count: 'A count',
  usd: 'US dollars',
}

export type FactFields = Partial<Record<keyof ReportedFactInput | 'value', string>>

/** The longest description, source title and link a fact keeps (recordFact refuses longer ones too). */
export const FACT_LIMITS = { label: 200, sourceTitle: 300, sourceUrl: 2000 } as const

/** A zod refinement: at most `max` characters, saying how many were typed. */
const atMost = (max: number, what: string) =>
  [
    (value: string) => value.length <= max,
    {
      error: (issue: { input: unknown }) =>
        `Write at most ${formatNumber(max)} characters (this ${what} has ${formatNumber(String(issue.input).length)}).`,
    },
  ] as const

/** The form staff fill to record a fact: typed values, checked before recordFact checks them again. */
export const factForm = (today: string) =>
  z.object({
    topic: z.enum(factTopics, { message: 'Choose what the figure is about.' }),
    label: singleLine('description of the figure')
      .trim()
      .min(1, 'Say what the figure counts, such as "supporting organisations".')
      .refine(...atMost(FACT_LIMITS.label, 'description')),
    unit: z.enum(metricUnits, { message: 'Choose whether the figure is a count or US dollars.' }),
    qualifier: z.enum(factQualifiers, { message: 'Choose how the value reads.' }),
    value: z.string().trim().min(1, 'Enter the value as the source gives it.'),
    asOf: z
      .string()
      .trim()
      .refine(isIsoDate, 'Give the date of the figure as a real date, like 2016-09-27.')
      .refine((d) => d <= today, `The figure's date cannot be after today (${formatDate(today)}).`)
      .refine((d) => d >= '1900-01-01', 'The figure should be dated 1900 or later.'),
    sourceTitle: singleLine('source')
      .trim()
      .min(1, 'Name the source document, such as the press release.')
      .refine(...atMost(FACT_LIMITS.sourceTitle, 'source')),
    sourceUrl: singleLine('link to the source')
      .trim()
      .refine(...atMost(FACT_LIMITS.sourceUrl, 'link'))
      .optional()
      .default(''),
  })

/**
 * The fact as recordFact takes it, the value read in its unit (cents for dollars), or the
 * message for the value when it is not an amount of that unit.
 */
export function factInput(
  form: z.output<ReturnType<typeof factForm>>,
): { ok: true; input: ReportedFactInput } | { ok: false; errors: FieldErrors } {
  const value = parseAmount(form.value, form.unit)
  if (value === undefined) return { ok: false, errors: { value: `Enter ${amountExpected(form.unit)}.` } }
  return {
    ok: true,
    input: {
      topic: form.topic,
      label: form.label,
      value,
      unit: form.unit,
      qualifier: form.qualifier,
      asOf: form.asOf,
      sourceTitle: form.sourceTitle,
      sourceUrl: form.sourceUrl || null,
    },
  }
}
