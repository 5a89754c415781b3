import { describe, expect, it } from 'vitest'
import { readAttended, readDate, readMinutes } from './cells.ts'
import { MAX_CELL_CHARACTERS, MAX_HISTORY_ROWS, readSheet } from './read-sheet.ts'
import { buildXlsx } from './xlsx.test-support.ts'

const text = (s: string) => new TextEncoder().encode(s)

describe('history cells', () => {
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

  it('reads minutes as numbers or durations, and blank as the whole call', () => {
    expect(readMinutes('')).toEqual({ ok: true, value: null })
    expect(readMinutes('25')).toEqual({ ok: true, value: 25 })
    expect(readMinutes('0:30:00')).toEqual({ ok: true, value: 30 })
    expect(readMinutes('12:30')).toEqual({ ok: true, value: 12.5 })
    expect(readMinutes('ten')).toMatchObject({ ok: false })
  })

  it('reads attended marks and refuses anything else', () => {
    for (const yes of ['yes', 'Y', '1', 'x', 'TRUE'])
      expect(readAttended(yes)).toEqual({ ok: true, value: true })
    for (const no of ['no', '0', '', 'absent']) expect(readAttended(no)).toEqual({ ok: true, value: false })
    expect(readAttended('maybe')).toMatchObject({ ok: false })
  })
})

describe('readSheet against hostile sheets', () => {
  it('ignores a cell far to the right instead of filling the row up to it', async () => {
    const bytes = buildXlsx([
      ['date', 'organisation'],
      ['2024-03-04', 'AMP SoCal', { at: 'ZZZZZZZZ2', text: 'far away' }, { at: 'XFD2', text: 'last column' }],
    ])
    const sheet = await readSheet('far.xlsx', bytes)
    expect(sheet.rows).toEqual([expect.objectContaining({ ok: true, row: 2, organization: 'AMP SoCal' })])
  })

  it('refuses a cell longer than a name or an email could be, saying where it is', async () => {
    const long = 'x'.repeat(MAX_CELL_CHARACTERS + 1)
    await expect(readSheet('long.csv', text(`date,organisation\n2024-03-04,${long}\n`))).rejects.toThrow(
      `Row 2, column 2 holds ${(MAX_CELL_CHARACTERS + 1).toLocaleString('en-US')} characters; a cell of a history sheet holds at most ${MAX_CELL_CHARACTERS}`,
    )
  })

  it('reads a row with many columns by its first ones', async () => {
    const wide = Array.from({ length: 200 }, (_, i) => `extra${i}`).join(',')
    const sheet = await readSheet(
      'wide.csv',
      text(`date,organisation,${wide}\n2024-03-04,AMP SoCal,${wide}\n`),
    )
    expect(sheet.rows).toEqual([expect.objectContaining({ ok: true, organization: 'AMP SoCal' })])
  })
})

describe('readSheet', () => {
  it('finds columns by header name in any case and order, with synonyms', async () => {
    const sheet = await readSheet(
      'h.csv',
      text('Minutes,ORGANIZATION NAME,Call Date\n20,AMP SoCal,3/4/2024\n,south-kansas,2024-03-11\n'),
    )
    expect(sheet.kind).toBe('csv')
    expect(sheet.rows).toEqual([
      expect.objectContaining({
        ok: true,
        row: 2,
        date: '2024-03-04',
        organization: 'AMP SoCal',
        minutes: 20,
      }),
      expect.objectContaining({
        ok: true,
        row: 3,
        date: '2024-03-11',
        organization: 'south-kansas',
        minutes: null,
      }),
    ])
  })

  it('reads the first sheet of an .xlsx workbook, dates stored as day numbers', async () => {
    const bytes = buildXlsx([
      ['Date', 'Email', 'Attended'],
      [45355, 'Rep@Example.org', 'x'],
      ['2024-03-11', 'rep@example.org', 'no'],
    ])
    const sheet = await readSheet('h.xlsx', bytes)
    expect(sheet.kind).toBe('xlsx')
    expect(sheet.rows).toEqual([
      expect.objectContaining({ row: 2, date: '2024-03-04', email: 'rep@example.org', attended: true }),
      expect.objectContaining({ row: 3, date: '2024-03-11', attended: false }),
    ])
  })

  it('gives each unreadable cell its row and what was expected', async () => {
    const sheet = await readSheet('h.csv', text('date,organisation\n2024-13-01,AMP SoCal\n'))
    expect(sheet.rows[0]).toEqual({
      ok: false,
      row: 2,
      message: expect.stringMatching(/^The date "2024-13-01" is not a date written YYYY-MM-DD/),
    })
  })

  it('refuses a file without a usable header, naming the row', async () => {
    await expect(readSheet('h.csv', text('\nfoo,bar\n1,2\n'))).rejects.toThrow(/Row 2 should be a header row/)
  })

  it('refuses a CSV whose quotes break, with the row', async () => {
    await expect(readSheet('h.csv', text('date,organisation\n2024-03-04,"AMP\n'))).rejects.toThrow(
      /Row \d+ of the CSV/,
    )
  })

  it('refuses a damaged workbook and a binary file', async () => {
    const broken = buildXlsx([['date', 'organisation']]).slice(0, 200)
    await expect(readSheet('h.xlsx', broken)).rejects.toThrow(
      /not a CSV file or an Excel workbook|cannot be read/,
    )
    await expect(readSheet('h.csv', new Uint8Array([1, 0, 2, 0, 3, 0, 0, 0]))).rejects.toThrow(/not text/)
  })

  it('refuses more rows than the limit', async () => {
    const body = '2024-03-04,AMP SoCal\n'.repeat(MAX_HISTORY_ROWS + 1)
    await expect(readSheet('h.csv', text(`date,organisation\n${body}`))).rejects.toThrow(
      /more than 50,000 rows/,
    )
  })
})
