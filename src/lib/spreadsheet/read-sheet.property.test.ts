import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '#src/lib/errors.ts'
import { oneByteChanged } from '../../../tests/support/damaged-bytes.ts'
import { readSheet } from './read-sheet.ts'
import { buildXlsx } from './xlsx.test-support.ts'

/** A sheet whose header must start with "name": each data row as its cells. */
const read = (bytes: Uint8Array) =>
  readSheet(bytes, {
    name: 'test',
    cellHint: 'a name or a number',
    header: (cells, n) => {
      if (cells[0]?.toLowerCase() !== 'name')
        throw new AppError('BAD_INPUT', { userMessage: `Row ${n} should start with the column "name".` })
      return (row) => [...row]
    },
  })

/** Either rows or a clear BAD_INPUT refusal; anything else (a crash, an internal error) fails. */
async function readOrRefuse(bytes: Uint8Array): Promise<void> {
  try {
    const sheet = await read(bytes)
    for (const row of sheet.rows) expect(Array.isArray(row)).toBe(true)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    expect(error.code).toBe('BAD_INPUT')
    expect(error.userMessage.length).toBeGreaterThan(20)
  }
}

const rows = [
  ['Name', 'Email', 'Jobs'],
  ['Sofía Peña', 'sofia@example.org', '12'],
  ['"Quoted, with comma"', 'q@example.org', '3'],
  ['Zoë Ødegård', 'zoe@example.org', '45'],
]
const csv = rows
  .map((r) => r.map((c) => (c.includes(',') ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
  .join('\r\n')

const SAMPLES: [string, Uint8Array][] = [
  ['UTF-8', new TextEncoder().encode(`${csv}\r\n`)],
  ['UTF-8 with a byte-order mark', new TextEncoder().encode(`\uFEFF${csv}\n`)],
  ['UTF-16 LE', new Uint8Array([0xff, 0xfe, ...Buffer.from(`${csv}\r\n`, 'utf16le')])],
  ['Windows-1252', new Uint8Array(Buffer.from(`${csv}\n`, 'latin1'))],
  ['tab-separated', new TextEncoder().encode(`${rows.map((r) => r.join('\t')).join('\n')}\n`)],
  ['.xlsx', buildXlsx(rows.map((r) => [...r]))],
]

describe('readSheet under hostile input', () => {
  for (const [kind, bytes] of SAMPLES)
    it(`reads or refuses every truncation of a ${kind} sheet`, async () => {
      expect((await read(bytes)).rows).toHaveLength(rows.length - 1)
      for (let cut = 0; cut < bytes.length; cut++) await readOrRefuse(bytes.subarray(0, cut))
    })

  it('reads or refuses random bytes, and random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => readOrRefuse(bytes)),
      { numRuns: 300 },
    )
    const piece = fc.constantFrom('Name', ',', '"', '""', '\n', '\r', '\t', 'é', '\uFEFF', ' ', 'x', '12')
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) =>
        readOrRefuse(new TextEncoder().encode(pieces.join(''))),
      ),
      { numRuns: 300 },
    )
  })

  it('reads or refuses an .xlsx with any one byte changed', async () => {
    const bytes = SAMPLES[5]?.[1] as Uint8Array
    await fc.assert(fc.asyncProperty(oneByteChanged(bytes), readOrRefuse), { numRuns: 300 })
  })
})
