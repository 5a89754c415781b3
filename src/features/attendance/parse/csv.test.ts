import { describe, expect, it } from 'vitest'
import { normaliseHeader, parseDelimited } from './csv.ts'

describe('parseDelimited', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes', () => {
    expect(parseDelimited('a,"Kowalski, Ted","say ""hi""","two\r\nlines"\r\nb,,', ',')).toEqual([
      ['a', 'Kowalski, Ted', 'say "hi"', 'two\r\nlines'],
      ['b', '', ''],
    ])
  })

  it('accepts LF, CRLF and CR, and keeps blank lines as one empty cell', () => {
    expect(parseDelimited('a\n\nb\r\nc\rd', ',')).toEqual([['a'], [''], ['b'], ['c'], ['d']])
  })

  it('splits on tabs when told, leaving commas in cells', () => {
    expect(parseDelimited('Name\tFirst Join\nWhitfield, Dana\t1/14/25, 10:00:12 AM\n', '\t')).toEqual([
      ['Name', 'First Join'],
      ['Whitfield, Dana', '1/14/25, 10:00:12 AM'],
    ])
  })

  it('keeps an unterminated quote to the end instead of failing', () => {
    expect(parseDelimited('a,"open\nstill', ',')).toEqual([['a', 'open\nstill']])
  })
})

describe('normaliseHeader', () => {
  it('lower-cases, trims, collapses spaces and reads user email as email', () => {
    expect(normaliseHeader('  Duration   (Minutes) ')).toBe('duration (minutes)')
    expect(normaliseHeader('User Email')).toBe('email')
    expect(normaliseHeader('\uFEFFName (original name)')).toBe('name (original name)')
  })
})
