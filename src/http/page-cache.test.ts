import { describe, expect, it } from 'vitest'
import type { ContentVersionWatcher } from './content-version.ts'
import { PageCache } from './page-cache.ts'

const watcherAt = (state: { version: number | undefined }): ContentVersionWatcher => ({
  current: () => state.version,
  stop: async () => {},
})

describe('PageCache', () => {
  it('renders once and serves the same page while the content version holds', async () => {
    const state = { version: 1 as number | undefined }
    const cache = new PageCache(watcherAt(state))
    let renders = 0
    const render = async () => `page ${++renders}`
    expect((await cache.get('k', render)).body.toString()).toBe('page 1')
    const hit = await cache.get('k', render)
    expect(hit.isHit).toBe(true)
    expect(hit.body.toString()).toBe('page 1')
    expect(renders).toBe(1)
  })

  it('renders again once the content version moves on', async () => {
    const state = { version: 1 as number | undefined }
    const cache = new PageCache(watcherAt(state))
    let renders = 0
    const render = async () => `page ${++renders}`
    await cache.get('k', render)
    state.version = 2
    const again = await cache.get('k', render)
    expect(again.isHit).toBe(false)
    expect(again.body.toString()).toBe('page 2')
  })

  it('caches nothing while the version is unknown (listener lost)', async () => {
    const state = { version: undefined as number | undefined }
    const cache = new PageCache(watcherAt(state))
    let renders = 0
    const render = async () => `page ${++renders}`
    await cache.get('k', render)
    await cache.get('k', render)
    expect(renders).toBe(2)
  })

  it('keeps at most the configured number of pages, dropping the oldest', async () => {
    const cache = new PageCache(watcherAt({ version: 1 }), 2)
    let renders = 0
    const render = async () => `page ${++renders}`
    await cache.get('a', render)
    await cache.get('b', render)
    await cache.get('a', render)
    await cache.get('c', render)
    // 'a' was used after 'b', so 'b' is the one dropped.
    expect((await cache.get('a', render)).isHit).toBe(true)
    expect((await cache.get('b', render)).isHit).toBe(false)
  })

  it('gives equal pages equal ETags and different pages different ones', async () => {
    const cache = new PageCache(watcherAt({ version: 1 }))
    const a = await cache.get('a', async () => 'same')
    const b = await cache.get('b', async () => 'same')
    const c = await cache.get('c', async () => 'other')
    expect(a.etag).toBe(b.etag)
    expect(a.etag).not.toBe(c.etag)
  })

  it('stops serving what it cached once scheduled content is due, pages and remembered values alike', async () => {
    const state = { version: 1 as number | undefined }
    const cache = new PageCache(watcherAt(state))
    let renders = 0
    const render = async () => `page ${++renders}`
    const before = new Date('2026-12-07T13:59:00Z')
    await cache.get('k', render, before)
    expect(await cache.remember('nav', async () => ['a'], before)).toEqual(['a'])
    cache.noteScheduledChange('2026-12-07T14:00:00Z')
    expect((await cache.get('k', render, before)).isHit).toBe(true)
    expect(await cache.remember('nav', async () => ['a', 'b'], before)).toEqual(['a'])
    const due = new Date('2026-12-07T14:00:00Z')
    expect((await cache.get('k', render, due)).body.toString()).toBe('page 2')
    expect(await cache.remember('nav', async () => ['a', 'b'], due)).toEqual(['a', 'b'])
  })
})
