import { describe, expect, it } from 'vitest'
import { buildXlsx } from '#src/lib/spreadsheet/xlsx.test-support.ts'
import { readAttended, readMinutes } from './cells.ts'
import { readHistorySheet } from './history-sheet.ts'

const text = (s: string) => new TextEncoder().encode(s)

describe('history cells', () => {
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

describe('readHistorySheet', () => {
  it('finds columns by header name in any case and order, with synonyms', async () => {
    const sheet = await readHistorySheet(
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
    const sheet = await readHistorySheet(bytes)
    expect(sheet.kind).toBe('xlsx')
    expect(sheet.rows).toEqual([
      expect.objectContaining({ row: 2, date: '2024-03-04', email: 'rep@example.org', attended: true }),
      expect.objectContaining({ row: 3, date: '2024-03-11', attended: false }),
    ])
  })

  it('gives each unreadable cell its row and what was expected', async () => {
    const sheet = await readHistorySheet(text('date,organisation\n2024-13-01,AMP SoCal\n'))
    expect(sheet.rows[0]).toEqual({
      ok: false,
      row: 2,
      message: expect.stringMatching(/^The date "2024-13-01" is not a date written YYYY-MM-DD/),
    })
  })

  it('refuses a file without a usable header, naming the row', async () => {
    await expect(readHistorySheet(text('\nfoo,bar\n1,2\n'))).rejects.toThrow(/Row 2 should be a header row/)
  })

  it('words its refusals for a history sheet', async () => {
    const long = 'x'.repeat(501)
    await expect(readHistorySheet(text(`date,organisation\n2024-03-04,${long}\n`))).rejects.toThrow(
      'Row 2, column 2 holds 501 characters; a cell of a history sheet holds at most 500 (a date, a name, an email, minutes)',
    )
  })
})
