import { createHash } from 'node:crypto'
import type { ContentVersionWatcher } from './content-version.ts'

/** The body is kept encoded: sending bytes is much cheaper than encoding a long string again. */
export type CachedPage = { version: number; body: Uint8Array; etag: string }

/**
 * Rendered public pages, per process, each tagged with the content version it
 * was rendered under. A page is served from here only while that version is
 * still the newest; the key set is bounded so odd query strings cannot fill it.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>()
  readonly #watcher: ContentVersionWatcher
  readonly #maxEntries: number

  constructor(watcher: ContentVersionWatcher, maxEntries = 500) {
    this.#watcher = watcher
    this.#maxEntries = maxEntries
  }

  /** The cached page for `key`, rendering it with `render` when missing or stale. */
  async get(
    key: string,
    render: () => Promise<string>,
  ): Promise<{ body: Uint8Array; etag: string; isHit: boolean }> {
    const version = this.#watcher.current()
    const hit = this.#entries.get(key)
    if (hit && version !== undefined && hit.version === version) {
      // Most recently used last, so eviction drops the page nobody asked for longest.
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return { ...hit, isHit: true }
    }
    const body: Uint8Array<ArrayBuffer> = Buffer.from(await render(), 'utf8')
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
    if (version !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, { version, body, etag })
      if (this.#entries.size > this.#maxEntries) {
        const oldest = this.#entries.keys().next().value
        if (oldest !== undefined) this.#entries.delete(oldest)
      }
    }
    return { body, etag, isHit: false }
  }

  /** Forgets every page: for a write this process just made, before its notification arrives. */
  clear(): void {
    this.#entries.clear()
  }
}
