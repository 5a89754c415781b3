import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  centsToDecimal,
  formatAmount,
  formatCents,
  MAX_AMOUNT,
  parseAmount,
  parseCount,
  parseDollars,
  sumAmounts,
} from './money.ts'

/** Any amount the Hub keeps, with the edges (0, one cent, the largest) drawn often. */
const cents = fc.oneof(
  fc.integer({ min: 0, max: MAX_AMOUNT }),
  fc.constantFrom(0, 1, 99, 100, 101, MAX_AMOUNT - 1, MAX_AMOUNT),
  fc.integer({ min: 0, max: 10_000_000 }),
)

describe('money never loses a cent', () => {
  it('reads back what it writes for people and for spreadsheets', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(parseDollars(formatCents(c))).toBe(c)
        expect(parseDollars(centsToDecimal(c))).toBe(c)
        expect(parseAmount(formatAmount(c, 'usd'), 'usd')).toBe(c)
        expect(parseCount(formatAmount(c, 'count'))).toBe(c)
      }),
      { numRuns: 2000 },
    )
  })

  it('adds many amounts exactly, or refuses a total past what it adds exactly', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 200 }), (amounts) => {
        const exact = amounts.reduce((total, c) => total + BigInt(c), 0n)
        if (exact > BigInt(MAX_AMOUNT)) expect(() => sumAmounts(amounts)).toThrow(RangeError)
        else expect(BigInt(sumAmounts(amounts))).toBe(exact)
      }),
      { numRuns: 1000 },
    )
  })

  it('adds many small amounts exactly where floating point would drift', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_000_000 }), { maxLength: 1000 }), (amounts) => {
        const exact = amounts.reduce((total, c) => total + BigInt(c), 0n)
        expect(BigInt(sumAmounts(amounts))).toBe(exact)
        const dollars = amounts.map((c) => parseDollars(centsToDecimal(c)) ?? -1)
        expect(BigInt(sumAmounts(dollars))).toBe(exact)
      }),
    )
  })

  it('keeps every amount through JSON', () => {
    fc.assert(
      fc.property(fc.array(cents), (amounts) => {
        expect(JSON.parse(JSON.stringify(amounts))).toEqual(amounts)
        for (const c of amounts) expect(JSON.parse(JSON.stringify(c))).toBe(c)
      }),
    )
  })

  it('keeps every amount through a CSV written and read again', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 20 }), cents), { maxLength: 50 }), (rows) => {
        const text = stringify([
          ['organization', 'amount'],
          ...rows.map(([name, c]) => [name, centsToDecimal(c)]),
        ])
        const [, ...read] = parse(text) as string[][]
        expect(read.map(([name, amount]) => [name, parseDollars(amount ?? '')])).toEqual(rows)
      }),
      { numRuns: 500 },
    )
  })

  it('reads dollars as people type them, to the cent', () => {
    expect(parseDollars('$1,234.56')).toBe(123456)
    expect(parseDollars('1234.5')).toBe(123450)
    expect(parseDollars('0.07')).toBe(7)
    expect(parseDollars('1.005')).toBeUndefined()
    expect(parseDollars('1,23.00')).toBeUndefined()
    expect(parseDollars(centsToDecimal(MAX_AMOUNT))).toBe(MAX_AMOUNT)
    expect(parseDollars('90071992547409.92')).toBeUndefined()
  })
})
