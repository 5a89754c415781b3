import { describe, expect, it } from 'vitest'
import { isWebAddress, webHref } from './web-address.ts'

describe('isWebAddress', () => {
  it.each([
    'https://example.org',
    'http://example.org/path?q=1#part',
    'https://www.manufacturing.gov/reports/2016.pdf',
    'https://zoom.us/j/123456789',
    'HTTPS://EXAMPLE.ORG',
  ])('takes %s', (text) => {
    expect(isWebAddress(text)).toBe(true)
  })

  it.each([
    ['no scheme', 'example.org'],
    ['another scheme', 'ftp://example.org/file'],
    ['a script', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['a mail address', 'mailto:staff@example.org'],
    ['a host without a dot', 'https://intranet/page'],
    ['no host', 'https://'],
    ['a space inside', 'https://example.org/a b'],
    ['a space around', ' https://example.org'],
    ['a line break', 'https://example.org/\nhttps://evil.example'],
    ['a tab', 'https://example.org/\tx'],
    ['a bidi override', 'https://example.org/\u202ecod.exe'],
    ['a relative address', '/news/2016'],
    ['a protocol-relative address', '//evil.example/x'],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(isWebAddress(text)).toBe(false)
  })

  it('takes only https when asked', () => {
    expect(isWebAddress('https://example.org', 'https only')).toBe(true)
    expect(isWebAddress('http://example.org', 'https only')).toBe(false)
  })
})

describe('webHref', () => {
  it('gives the address to link to, or nothing for text that is not one', () => {
    expect(webHref('https://example.org/a')).toBe('https://example.org/a')
    expect(webHref('javascript:alert(1)')).toBeUndefined()
    expect(webHref(null)).toBeUndefined()
    expect(webHref('http://example.org', 'https only')).toBeUndefined()
  })
})
