import { describe, expect, it } from 'vitest'
import { AppError } from '#src/lib/errors.ts'
import { readDate } from './cells.ts'
import { MAX_CELL_CHARACTERS, MAX_SHEET_ROWS, readSheet, sheetSizeProblem } from './read-sheet.ts'
import { buildXlsx } from './xlsx.test-support.ts'

const text = (s: string) => new TextEncoder().encode(s)

/** A sheet whose header must start with "a": each data row as its cells and number. */
const read = (bytes: Uint8Array) =>
  readSheet(bytes, {
    name: 'test',
    cellHint: 'a word',
    header: (cells, n) => {
      if (cells[0] !== 'a') throw new AppError('BAD_INPUT', { userMessage: `Row ${n} should start with a.` })
      return (row, rowNumber) => ({ row: rowNumber, cells: [...row] })
    },
  })

describe('readDate', () => {
  it('reads ISO dates, US month-first dates and Excel day numbers', () => {
    expect(readDate('2024-03-04')).toEqual({ ok: true, value: '2024-03-04' })
    expect(readDate('3/4/2024')).toEqual({ ok: true, value: '2024-03-04' })
    expect(readDate('03/04/2024')).toEqual({ ok: true, value: '2024-03-04' })
    expect(readDate('45355')).toEqual({ ok: true, value: '2024-03-04' })
  })

  it('refuses day-first, two-digit-year and impossible dates, saying what it takes', () => {
    for (const cell of ['04.03.2024', '3/4/24', '2/30/2024', '2024-02-30', 'Monday'])
      expect(readDate(cell)).toMatchObject({ ok: false, expected: expect.stringContaining('YYYY-MM-DD') })
  })
})

describe('readSheet against hostile sheets', () => {
  it('ignores a cell far to the right instead of filling the row up to it', async () => {
    const bytes = buildXlsx([
      ['a', 'b'],
      ['1', 'AMP SoCal', { at: 'ZZZZZZZZ2', text: 'far away' }, { at: 'XFD2', text: 'last column' }],
    ])
    expect((await read(bytes)).rows).toEqual([{ row: 2, cells: ['1', 'AMP SoCal'] }])
  })

  it('refuses a cell longer than a name or a number could be, saying where it is', async () => {
    const long = 'x'.repeat(MAX_CELL_CHARACTERS + 1)
    await expect(read(text(`a,b\n1,${long}\n`))).rejects.toThrow(
      `Row 2, column 2 holds ${(MAX_CELL_CHARACTERS + 1).toLocaleString('en-US')} characters; a cell of a test sheet holds at most ${MAX_CELL_CHARACTERS} (a word)`,
    )
  })

  it('reads a row with many columns by its first 64', async () => {
    const wide = Array.from({ length: 200 }, (_, i) => `extra${i}`).join(',')
    const sheet = await read(text(`a,${wide}\n1,${wide}\n`))
    expect(sheet.rows[0]?.cells).toHaveLength(64)
  })

  it('refuses more rows than the limit', async () => {
    const body = '1,2\n'.repeat(MAX_SHEET_ROWS + 1)
    await expect(read(text(`a,b\n${body}`))).rejects.toThrow(/more than 50,000 rows/)
  })

  it('refuses a file over 10 MB, or empty, before reading it', () => {
    expect(sheetSizeProblem(11 * 1024 * 1024, 'test')).toBe(
      'The file is 11.0 MB; a test spreadsheet can be at most 10 MB. Nothing was imported.',
    )
    expect(sheetSizeProblem(0, 'test')).toMatch(/empty/)
  })
})

describe('readSheet', () => {
  it('skips blank rows before the header and numbers rows as the file does', async () => {
    const sheet = await read(text('\n,\na,b\n1,2\n\n3,4\n'))
    expect(sheet).toEqual({
      kind: 'csv',
      rows: [
        { row: 4, cells: ['1', '2'] },
        { row: 6, cells: ['3', '4'] },
      ],
    })
  })

  it('reads tab-separated, UTF-16 and Windows-1252 text', async () => {
    expect((await read(text('a\tb\n1\tSão Paulo\n'))).rows[0]?.cells).toEqual(['1', 'São Paulo'])
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('a,b\r\n1,Zoë\r\n', 'utf16le')])
    expect((await read(utf16)).rows[0]?.cells).toEqual(['1', 'Zoë'])
    const latin = new Uint8Array([...Buffer.from('a,b\n1,Caf', 'latin1'), 0xe9, 0x0a])
    expect((await read(latin)).rows[0]?.cells).toEqual(['1', 'Café'])
    // The last byte an accented letter, with no line end after it.
    expect((await read(latin.subarray(0, -1))).rows[0]?.cells).toEqual(['1', 'Café'])
  })

  it('refuses bytes marked as UTF-8 that are not', async () => {
    const marked = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('a,b\n1,Caf', 'latin1'), 0xe9, 0x0a])
    await expect(read(marked)).rejects.toThrow(/it is not text/)
  })

  it("refuses a file through the caller's header check", async () => {
    await expect(read(text('\nfoo,bar\n1,2\n'))).rejects.toThrow('Row 2 should start with a.')
  })

  it('refuses a CSV whose quotes break, with the row', async () => {
    await expect(read(text('a,b\n1,"AMP\n'))).rejects.toThrow(/Row \d+ of the CSV has a quoted cell/)
  })

  it('refuses a damaged workbook, another zip, an old .xls and a binary file', async () => {
    const broken = buildXlsx([['a', 'b']]).slice(0, 200)
    await expect(read(broken)).rejects.toThrow(/not a CSV file or an Excel workbook|cannot be read/)
    await expect(read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toThrow(/save as .xlsx/)
    await expect(read(new Uint8Array([1, 0, 2, 0, 3, 0, 0, 0]))).rejects.toThrow(/not text/)
  })

  it('refuses a file with no header row', async () => {
    await expect(read(text('\n \n'))).rejects.toThrow(/The file has no rows/)
  })
})
