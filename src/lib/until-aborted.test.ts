import { describe, expect, it } from 'vitest'
import { untilAborted } from './until-aborted.ts'

async function* chunks<T>(...values: T[]) {
  for (const value of values) yield value
}

describe('reading a source until a signal aborts', () => {
  it('passes every chunk on while the signal holds', async () => {
    const read: string[] = []
    for await (const chunk of untilAborted(chunks('a', 'b', 'c'), new AbortController().signal))
      read.push(chunk)
    expect(read).toEqual(['a', 'b', 'c'])
  })

  it('stops at the next chunk after the abort with its reason, and closes the source', async () => {
    const stopping = new AbortController()
    let isClosed = false
    async function* source() {
      try {
        for (let i = 1; i <= 100; i++) yield i
      } finally {
        isClosed = true
      }
    }
    const read: number[] = []
    const reading = (async () => {
      for await (const n of untilAborted(source(), stopping.signal)) {
        read.push(n)
        if (n === 3) stopping.abort(new Error('the Hub was stopped'))
      }
    })()
    await expect(reading).rejects.toThrow('the Hub was stopped')
    expect(read).toEqual([1, 2, 3])
    expect(isClosed).toBe(true)
  })
})
