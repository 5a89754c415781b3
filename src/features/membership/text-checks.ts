import { z } from 'zod'
import { splitLines } from '#src/features/organizations/index.ts'
import { multiLineProblem, singleLineProblem } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatNumber } from '#src/ui/format.ts'
import { draftLimits } from './draft-fields.ts'

// The zod schemas of the membership forms' text: one line, a paragraph, a list of lines, a web
// address. Each gives the cleaned value, or one message in the form's words.

/** Refuses the value with `message`: the one issue of the field. */
export function refuse(ctx: z.core.$RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}

/** The first message of a failed check, for a page that shows one per field. */
export const firstMessage = (error: z.ZodError): string => error.issues[0]?.message ?? ''

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
export const count = (s: string) => formatNumber(Array.from(s).length)

/** One line of text, its spaces folded; empty is null, or refused when `required`. */
export const lineText = (options: { max: number; what: string; required?: boolean }) =>
  z.string().transform((raw, ctx): string | null => {
    const problem = singleLineProblem(raw.trim(), options.what)
    if (problem) return refuse(ctx, problem)
    const value = oneLine(raw)
    if (Array.from(value).length > options.max)
      return refuse(
        ctx,
        `Use at most ${formatNumber(options.max)} characters for the ${options.what} (this one has ${count(value)}).`,
      )
    if (value === '') return options.required ? refuse(ctx, `Enter the ${options.what}.`) : null
    return value
  })

/** Text over several lines, trimmed; empty is null. */
export const paragraphText = (options: { max: number; what: string }) =>
  z.string().transform((raw, ctx): string | null => {
    const value = raw.replace(/\r\n?/g, '\n').trim()
    const problem = multiLineProblem(value, options.what)
    if (problem) return refuse(ctx, problem)
    if (Array.from(value).length > options.max)
      return refuse(
        ctx,
        `Write at most ${formatNumber(options.max)} characters (this ${options.what} has ${count(value)}).`,
      )
    return value === '' ? null : value
  })

/** A list typed one item a line. */
export const lineList = (options: { maxLines: number; maxLength: number; one: string; many: string }) =>
  z.string().transform((raw, ctx): string[] => {
    const problem = multiLineProblem(raw, options.many)
    if (problem) return refuse(ctx, problem)
    const items = splitLines(raw)
    const notOneLine = items.map((item) => singleLineProblem(item, options.one)).find(Boolean)
    if (notOneLine) return refuse(ctx, notOneLine)
    if (items.length > options.maxLines)
      return refuse(
        ctx,
        `List at most ${formatNumber(options.maxLines)} ${options.many}, one a line (this list has ${formatNumber(items.length)}).`,
      )
    const long = items.findIndex((item) => Array.from(item).length > options.maxLength)
    const longItem = items[long]
    if (longItem !== undefined)
      return refuse(
        ctx,
        `Each ${options.one} can be at most ${formatNumber(options.maxLength)} characters; line ${long + 1} has ${count(longItem)}.`,
      )
    return items
  })

/** Whether a string is a full http(s) address with a host name that has a dot. */
/** The organisation's website: a full web address, or empty (null). */
export const websiteText = z.string().transform((raw, ctx): string | null => {
  const value = raw.trim()
  if (value.length > draftLimits.website)
    return refuse(
      ctx,
      `A web address can be at most ${draftLimits.website} characters (this one has ${formatNumber(value.length)}).`,
    )
  if (value === '') return null
  if (!isWebAddress(value))
    return refuse(
      ctx,
      'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
    )
  return value
})

export const isCalendarDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s
