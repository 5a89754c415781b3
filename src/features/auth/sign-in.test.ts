import { describe, expect, it } from 'vitest'
import type { FloorTimer } from '#src/http/deps.ts'
import { DEFAULT_NEXT, RESPONSE_FLOOR_MS, safeNext, withResponseFloor } from './sign-in.ts'

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

/** A timer that only moves when told: work "takes" time by advancing it, and sleeping advances it too. */
function fakeTimer() {
  let now = 1000
  const slept: number[] = []
  const timer: FloorTimer = {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
  }
  return { timer, slept, spend: (ms: number) => (now += ms) }
}

describe('withResponseFloor', () => {
  it('waits out the rest of the floor after quick work, also when the work fails', async () => {
    const { timer, slept, spend } = fakeTimer()
    const quick = async () => {
      spend(10)
      return 'done'
    }
    expect(await withResponseFloor(quick, 60, timer)).toBe('done')
    expect(slept).toEqual([50])
    const failing = async () => {
      spend(25)
      throw new Error('no')
    }
    await expect(withResponseFloor(failing, 60, timer)).rejects.toThrow('no')
    expect(slept).toEqual([50, 35])
  })

  it('adds no wait when the work took the floor or longer', async () => {
    const { timer, slept, spend } = fakeTimer()
    await withResponseFloor(async () => spend(60), 60, timer)
    await withResponseFloor(async () => spend(900), 60, timer)
    expect(slept).toEqual([])
  })

  it('holds answers for RESPONSE_FLOOR_MS by default', async () => {
    const { timer, slept } = fakeTimer()
    await withResponseFloor(async () => 'done', undefined, timer)
    expect(slept).toEqual([RESPONSE_FLOOR_MS])
  })
})
