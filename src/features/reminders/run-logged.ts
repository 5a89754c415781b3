import { logger } from '#src/lib/logger.ts'

/** What a run of a weekly email did (the digest of new content, the funding email). */
export type WeeklyEmailRun = {
  /** The Monday of the week it is for, in the network's zone. */
  weekStart: string
  /** People who asked for it. */
  optedIn: number
  sent: number
  /** Sent this week before, or being sent right now by another process. */
  taken: number
  /** Nothing to tell them (or no address): no email. */
  skipped: number
  /** The mail server refused: the claim is given back for a later run. */
  failed: number
}

/** The log line of a weekly email's run; `skipped` says why those got none ('with nothing new'). */
export const weeklyEmailLine = (name: string, skipped: string, run: WeeklyEmailRun): string =>
  `${name}: week of ${run.weekStart}, ${run.optedIn} opted in, ${run.sent} sent, ${run.taken} already taken, ${run.skipped} ${skipped}, ${run.failed} failed`

/** What runLogged needs of a weekly email: the key its run is logged under, its line, its failure. */
export const weeklyEmailJob = (o: { key: string; name: string; skipped: string; failure: string }) => ({
  key: o.key,
  failure: o.failure,
  line: (run: WeeklyEmailRun) => weeklyEmailLine(o.name, o.skipped, run),
})

/**
 * Runs one of the emails the reminders' timer sends and logs what it did: at info when it sent or
 * failed something, at debug when there was nothing to do. Never throws: an error is logged as
 * `failure` and the timer goes on to the next email and the next tick.
 */
export async function runLogged<R extends { sent: number; failed: number }>(
  job: { key: string; failure: string; line: (run: R) => string; context?: Record<string, unknown> },
  run: () => Promise<R>,
): Promise<void> {
  try {
    const done = await run()
    const fields = { [job.key]: done, ...job.context }
    if (done.sent > 0 || done.failed > 0) logger.info(fields, job.line(done))
    else logger.debug(fields, job.line(done))
  } catch (error) {
    logger.error({ err: error }, job.failure)
  }
}
