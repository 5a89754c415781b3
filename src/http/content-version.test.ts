import { describe, expect, it } from 'vitest'
import type { Database } from '#src/db/client.ts'
import { watchContentVersion } from './content-version.ts'

/** A database whose listener can be broken at will, and whose version can be moved on. */
function fakeDatabase(options: { failingListens?: number } = {}) {
  let version = 1
  let failingListens = options.failingListens ?? 0
  let lose: ((error: Error) => void) | undefined
  let listens = 0
  let open = 0
  const database = {
    db: { execute: async () => ({ rows: [{ v: version }] }) },
    listen: async (
      _channel: string,
      _onNotify: (payload: string) => void,
      onLost?: (error: Error) => void,
    ) => {
      listens++
      if (failingListens > 0) {
        failingListens--
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
      }
      open++
      lose = (error) => {
        open--
        onLost?.(error)
      }
      return async () => {
        open--
      }
    },
  } as unknown as Database
  return {
    database,
    breakListener: () => lose?.(new Error('terminating connection due to administrator command')),
    setVersion: (v: number) => {
      version = v
    },
    listens: () => listens,
    openListeners: () => open,
  }
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('watchContentVersion', () => {
  it('knows no version while the listener is lost, and reads it again once it is back', async () => {
    const fake = fakeDatabase()
    const watcher = await watchContentVersion(fake.database, { retryMs: 20 })
    expect(watcher.current()).toBe(1)
    fake.setVersion(7)
    fake.breakListener()
    // Nothing may be cached on a version nobody is watching.
    expect(watcher.current()).toBeUndefined()
    await until(() => watcher.current() !== undefined)
    expect(watcher.current()).toBe(7)
    expect(fake.openListeners()).toBe(1)
    await watcher.stop()
    expect(fake.openListeners()).toBe(0)
  })

  it('keeps trying while the server refuses, and comes back when it answers', async () => {
    const fake = fakeDatabase({ failingListens: 3 })
    const watcher = await watchContentVersion(fake.database, { retryMs: 5, maxRetryMs: 40 })
    expect(watcher.current()).toBeUndefined()
    await until(() => watcher.current() === 1)
    expect(fake.listens()).toBe(4)
    await watcher.stop()
  })

  it('survives its listener being lost many times in a row without holding more than one', async () => {
    const fake = fakeDatabase()
    const watcher = await watchContentVersion(fake.database, { retryMs: 5 })
    for (let loss = 0; loss < 20; loss++) {
      await until(() => watcher.current() !== undefined)
      fake.breakListener()
    }
    await until(() => watcher.current() !== undefined)
    expect(fake.openListeners()).toBe(1)
    await watcher.stop()
  })
})
