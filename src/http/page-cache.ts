import { createHash } from 'node:crypto'
import type { ContentVersionWatcher } from './content-version.ts'

/** The body is kept encoded: sending bytes is much cheaper than encoding a long string again. */
export type CachedPage = { version: number; body: Uint8Array; etag: string }

/** A visitor's whole answer, ready to send again: see PageCache.keepAnswer. */
export type ReadyAnswer = {
  version: number | undefined
  headers: [string, string][]
  body: Uint8Array
  etag: string
}

/**
 * Rendered public pages, per process, each tagged with the content version it
 * was rendered under. A page is served from here only while that version is
 * still the newest; the key set is bounded so odd query strings cannot fill it.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>()
  readonly #watcher: ContentVersionWatcher
  readonly #maxEntries: number
  readonly #values = new Map<string, { version: number; value: Promise<unknown> }>()
  readonly #answers = new Map<string, ReadyAnswer>()
  /** When scheduled content next goes out: every entry is stale from then on (ms since epoch). */
  #staleFrom: number | undefined
  readonly #onClear: (() => void)[] = []

  constructor(watcher: ContentVersionWatcher, maxEntries = 500) {
    this.#watcher = watcher
    this.#maxEntries = maxEntries
  }

  /** The cached page for `key`, rendering it with `render` when missing or stale. */
  async get(
    key: string,
    render: () => Promise<string>,
    now?: Date,
  ): Promise<{ body: Uint8Array; etag: string; isHit: boolean; version: number | undefined }> {
    this.#expire(now)
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
    return { body, etag, isHit: false, version }
  }

  /**
   * Keeps a whole answer (status 200, its final headers, its bytes) that the app gave a visitor
   * for this exact address, so that the server can send it again before the app runs
   * (`readyAnswer`). It is kept under the version its page was rendered under.
   */
  keepAnswer(key: string, answer: ReadyAnswer): void {
    if (answer.version === undefined || answer.version !== this.#watcher.current()) return
    this.#answers.delete(key)
    this.#answers.set(key, answer)
    if (this.#answers.size > this.#maxEntries) {
      const oldest = this.#answers.keys().next().value
      if (oldest !== undefined) this.#answers.delete(oldest)
    }
  }

  /** The kept answer for this address while nothing has changed since, or undefined. */
  readyAnswer(key: string, now: Date): ReadyAnswer | undefined {
    this.#expire(now)
    const answer = this.#answers.get(key)
    const version = this.#watcher.current()
    return answer && version !== undefined && answer.version === version ? answer : undefined
  }

  /**
   * A small value computed from the records (the navigation, the network's name), kept under the
   * same rules as the pages: recomputed after any write, or once scheduled content is due.
   */
  async remember<T>(key: string, compute: () => Promise<T>, now?: Date): Promise<T> {
    this.#expire(now)
    const version = this.#watcher.current()
    const hit = this.#values.get(key)
    if (hit && version !== undefined && hit.version === version) return hit.value as Promise<T>
    const value = compute()
    if (version !== undefined) {
      this.#values.set(key, { version, value })
      value.catch(() => this.#values.delete(key))
    }
    return value
  }

  /**
   * Says that content scheduled for `at` will appear then: what is cached now stops being served
   * at that moment. A render that hides scheduled items calls it with the next one's time.
   */
  noteScheduledChange(at: Date | string | undefined): void {
    if (at === undefined) return
    const ms = new Date(at).getTime()
    if (Number.isFinite(ms) && (this.#staleFrom === undefined || ms < this.#staleFrom)) this.#staleFrom = ms
  }

  #expire(now: Date | undefined): void {
    if (now && this.#staleFrom !== undefined && now.getTime() >= this.#staleFrom) {
      this.#staleFrom = undefined
      this.clear()
    }
  }

  /** Whether this process knows the content version (its listener is up and the database answered). */
  knowsVersion(): boolean {
    return this.#watcher.current() !== undefined
  }

  /** The newest content version this process knows of (undefined: do not cache), scheduled changes applied. */
  version(now?: Date): number | undefined {
    this.#expire(now)
    return this.#watcher.current()
  }

  /** Registers a cache of this process that the rules above empty too (a write, scheduled content due). */
  onClear(forget: () => void): void {
    this.#onClear.push(forget)
  }

  /** Forgets every page: for a write this process just made, before its notification arrives. */
  clear(): void {
    this.#entries.clear()
    this.#values.clear()
    this.#answers.clear()
    for (const forget of this.#onClear) forget()
  }
}
