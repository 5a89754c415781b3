import { afterEach, describe, expect, it, vi } from 'vitest'
import { logger } from '#src/lib/logger.ts'
import { runLogged, type WeeklyEmailRun, weeklyEmailJob } from './run-logged.ts'

const week = (sent: number, failed = 0): WeeklyEmailRun => ({
  weekStart: '2026-11-30',
  optedIn: 5,
  sent,
  taken: 1,
  skipped: 2,
  failed,
})
const job = weeklyEmailJob({
  key: 'digest',
  name: 'digest',
  skipped: 'with nothing new',
  failure: 'the weekly digest could not be worked out',
})

describe('runLogged', () => {
  afterEach(() => vi.restoreAllMocks())

  it('says what a weekly email did, at info when it sent something', async () => {
    const info = vi.spyOn(logger, 'info')
    await runLogged(job, async () => week(2))
    expect(info).toHaveBeenCalledWith(
      { digest: week(2) },
      'digest: week of 2026-11-30, 5 opted in, 2 sent, 1 already taken, 2 with nothing new, 0 failed',
    )
  })

  it('logs a run that only failed at info too, and a run with nothing to do at debug only', async () => {
    const info = vi.spyOn(logger, 'info')
    const debug = vi.spyOn(logger, 'debug')
    await runLogged(job, async () => week(0, 1))
    expect(info).toHaveBeenCalledTimes(1)
    await runLogged(job, async () => week(0))
    expect(info).toHaveBeenCalledTimes(1)
    expect(debug).toHaveBeenCalledWith({ digest: week(0) }, expect.stringContaining('0 sent'))
  })

  it('never throws: an error is logged with what could not be done, and the caller goes on', async () => {
    const error = vi.spyOn(logger, 'error')
    const broken = new Error('connection refused')
    await expect(runLogged(job, () => Promise.reject(broken))).resolves.toBeUndefined()
    expect(error).toHaveBeenCalledWith({ err: broken }, 'the weekly digest could not be worked out')
  })
})
