import { describe, expect, it } from 'vitest'
import { DEFAULT_NEXT, safeNext, withResponseFloor } from './sign-in.ts'

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNext('/account')).toBe('/account')
    expect(safeNext('/directory?state=CA&q=a%20b')).toBe('/directory?state=CA&q=a%20b')
  })

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['a relative path', 'account'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['nothing', ''],
    ['not a string', undefined],
  ])('turns %s into /account', (_, value) => {
    expect(safeNext(value)).toBe(DEFAULT_NEXT)
  })
})

describe('withResponseFloor', () => {
  it('answers no sooner than the floor, also when the work fails', async () => {
    const started = performance.now()
    expect(await withResponseFloor(async () => 'done', 60)).toBe('done')
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
    const again = performance.now()
    await expect(withResponseFloor(() => Promise.reject(new Error('no')), 60)).rejects.toThrow('no')
    expect(performance.now() - again).toBeGreaterThanOrEqual(55)
  })
})
