import { afterEach, describe, expect, it, vi } from 'vitest'
import { startRepeatingTask } from './repeating-task.ts'

describe('a repeating task', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs once after the first delay, then at each interval, and not after stop', async () => {
    vi.useFakeTimers()
    let runs = 0
    const loop = startRepeatingTask(
      'counting',
      async () => {
        runs++
      },
      { firstRunMs: 1000, intervalMs: 5000 },
    )
    await vi.advanceTimersByTimeAsync(999)
    expect(runs).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(runs).toBe(3)
    await loop.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(runs).toBe(3)
  })

  it('never starts a run while the last one is still going, and stop waits for it', async () => {
    vi.useFakeTimers()
    let started = 0
    let finish = () => {}
    const loop = startRepeatingTask(
      'waiting',
      () => {
        started++
        return new Promise<void>((resolve) => {
          finish = resolve
        })
      },
      { firstRunMs: 10, intervalMs: 10 },
    )
    await vi.advanceTimersByTimeAsync(100)
    expect(started).toBe(1)
    let isStopped = false
    const stopping = loop.stop().then(() => {
      isStopped = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(isStopped).toBe(false)
    finish()
    await stopping
    expect(isStopped).toBe(true)
    expect(started).toBe(1)
  })

  it('tells a run in progress to give up when stopped, with the reason', async () => {
    vi.useFakeTimers()
    let given: AbortSignal | undefined
    const loop = startRepeatingTask(
      'listening',
      (signal) => {
        given = signal
        // A long run that ends only when told to stop (as the daily fetch's download does).
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
      },
      { firstRunMs: 10, intervalMs: 10 },
    )
    await vi.advanceTimersByTimeAsync(10)
    expect(given?.aborted).toBe(false)
    await loop.stop()
    expect(given?.aborted).toBe(true)
    expect(String(given?.reason)).toContain('the Hub was stopped')
  })

  it('does nothing when off', async () => {
    vi.useFakeTimers()
    const run = vi.fn(async () => {})
    const loop = startRepeatingTask('idle', run, 'off')
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(run).not.toHaveBeenCalled()
    await loop.stop()
  })
  it('goes on at the next interval after a run fails', async () => {
    vi.useFakeTimers()
    let runs = 0
    const loop = startRepeatingTask(
      'failing once',
      async () => {
        runs++
        if (runs === 1) throw new Error('the mail server did not answer')
      },
      { firstRunMs: 10, intervalMs: 100 },
    )
    await vi.advanceTimersByTimeAsync(10)
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(runs).toBe(2)
    await loop.stop()
  })
})
