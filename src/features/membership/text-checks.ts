import { splitLines } from '#src/features/organizations/index.ts'
import { multiLineProblem, singleLineProblem } from '#src/lib/text.ts'
import { formatNumber } from '#src/ui/format.ts'
import { draftLimits } from './draft-fields.ts'

// The checks of the membership forms' text: one line, a paragraph, a list of lines, a web address.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const fail = <T>(error: string): Parsed<T> => ({ ok: false, error })

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
export const count = (s: string) => formatNumber(Array.from(s).length)

export function line(
  raw: string,
  options: { max: number; what: string; required?: boolean },
): Parsed<string | null> {
  const problem = singleLineProblem(raw.trim(), options.what)
  if (problem) return fail(problem)
  const value = oneLine(raw)
  if (Array.from(value).length > options.max)
    return fail(
      `Use at most ${formatNumber(options.max)} characters for the ${options.what} (this one has ${count(value)}).`,
    )
  if (value === '') return options.required ? fail(`Enter the ${options.what}.`) : ok(null)
  return ok(value)
}

export function paragraph(raw: string, options: { max: number; what: string }): Parsed<string | null> {
  const value = raw.replace(/\r\n?/g, '\n').trim()
  const problem = multiLineProblem(value, options.what)
  if (problem) return fail(problem)
  if (Array.from(value).length > options.max)
    return fail(
      `Write at most ${formatNumber(options.max)} characters (this ${options.what} has ${count(value)}).`,
    )
  return ok(value === '' ? null : value)
}

export function lines(
  raw: string,
  options: { maxLines: number; maxLength: number; one: string; many: string },
) {
  const problem = multiLineProblem(raw, options.many)
  if (problem) return fail<string[]>(problem)
  const items = splitLines(raw)
  const notOneLine = items.map((item) => singleLineProblem(item, options.one)).find(Boolean)
  if (notOneLine) return fail<string[]>(notOneLine)
  if (items.length > options.maxLines)
    return fail<string[]>(
      `List at most ${formatNumber(options.maxLines)} ${options.many}, one a line (this list has ${formatNumber(items.length)}).`,
    )
  const long = items.findIndex((item) => Array.from(item).length > options.maxLength)
  const longItem = items[long]
  if (longItem !== undefined)
    return fail<string[]>(
      `Each ${options.one} can be at most ${formatNumber(options.maxLength)} characters; line ${long + 1} has ${count(longItem)}.`,
    )
  return ok(items)
}

/** Whether a string is a full http(s) address with a host name that has a dot. */
export function isWebAddress(s: string): boolean {
  if (/\s/.test(s) || !URL.canParse(s)) return false
  const url = new URL(s)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
}

export function website(raw: string): Parsed<string | null> {
  const value = raw.trim()
  if (value.length > draftLimits.website)
    return fail(
      `A web address can be at most ${draftLimits.website} characters (this one has ${formatNumber(value.length)}).`,
    )
  if (value === '') return ok(null)
  if (!isWebAddress(value))
    return fail(
      'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
    )
  return ok(value)
}

export const isCalendarDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s
