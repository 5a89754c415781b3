/*
 * Amounts of metrics: a count, or US dollars kept as whole cents. Typed text is read with
 * string arithmetic (never through a float), so no cent is lost on the way in or out.
 */

export type AmountUnit = 'count' | 'usd'

/** The largest amount the Hub keeps: within JavaScript's exact integers and PostgreSQL's bigint. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER

const dollarsPattern = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/
const countPattern = /^(\d{1,3}(?:,\d{3})+|\d+)$/

/**
 * The whole cents of a dollar amount as people type it, or undefined when it is not one.
 * @example parseDollars('$1,234.5') === 123450; parseDollars('1300000000') === 130000000000
 */
export function parseDollars(text: string): number | undefined {
  const match = dollarsPattern.exec(text.trim())
  if (!match) return undefined
  const cents = BigInt(match[1]?.replaceAll(',', '') ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'))
  return cents <= BigInt(MAX_AMOUNT) ? Number(cents) : undefined
}

/**
 * A whole, non-negative count as people type it ('4,347' or '4347'), or undefined.
 * @example parseCount('1,953') === 1953; parseCount('12.5') === undefined
 */
export function parseCount(text: string): number | undefined {
  const match = countPattern.exec(text.trim())
  if (!match) return undefined
  const value = BigInt(match[1]?.replaceAll(',', '') ?? '')
  return value <= BigInt(MAX_AMOUNT) ? Number(value) : undefined
}

/** A typed amount in the metric's unit (cents for dollars), or undefined when it is not one. */
export const parseAmount = (text: string, unit: AmountUnit): number | undefined =>
  unit === 'usd' ? parseDollars(text) : parseCount(text)

/** What a typed amount should look like, for error messages. */
export const amountExpected = (unit: AmountUnit): string =>
  unit === 'usd'
    ? 'a dollar amount such as 1,250,000 or $1,250,000.50 (at most two decimals)'
    : 'a whole number such as 4347 or 4,347'

const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * Cents written as dollars: whole dollars without decimals, otherwise with two.
 * @example formatCents(130000000000) === '$1,300,000,000'; formatCents(123405) === '$1,234.05'
 */
export function formatCents(cents: number): string {
  const whole = BigInt(cents)
  const dollars = grouped((whole / 100n).toString())
  const rest = whole % 100n
  return rest === 0n ? `$${dollars}` : `$${dollars}.${rest.toString().padStart(2, '0')}`
}

/** Cents as a plain decimal for spreadsheets and CSV: '1234.05', '1300000000.00'. */
export function centsToDecimal(cents: number): string {
  const whole = BigInt(cents)
  return `${(whole / 100n).toString()}.${(whole % 100n).toString().padStart(2, '0')}`
}

/** An amount in its unit, for people: '4,347' or '$1,234.05'. */
export const formatAmount = (value: number, unit: AmountUnit): string =>
  unit === 'usd' ? formatCents(value) : grouped(BigInt(value).toString())

/**
 * The exact sum of amounts; throws rather than return a total that is no longer exact.
 * @example sumAmounts([1, 2]) === 3
 */
export function sumAmounts(values: readonly number[]): number {
  let total = 0n
  for (const value of values) total += BigInt(value)
  if (total > BigInt(MAX_AMOUNT)) throw new RangeError('the total is larger than the Hub can add exactly')
  return Number(total)
}
