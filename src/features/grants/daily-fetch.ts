/**
 * The daily fetch of the Grants.gov extract (the setting grantsFetchUrl; '' is off, as the Hub may
 * have no internet). Every Hub process runs the timer; on each network day one process, and one
 * only, claims the day (an advisory lock, then a grant_imports row via 'fetch' started that day),
 * downloads the file and imports it. A failure is kept in its row with the reason; the next day
 * tries again.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { grantImports } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { Clock } from '#src/lib/clock.ts'
import { logger } from '#src/lib/logger.ts'
import { untilAborted } from '#src/lib/until-aborted.ts'
import { DownloadProblem, downloadExtract } from './download-extract.ts'
import { extractSource } from './extract-source.ts'
import { importExtract } from './import-extract.ts'

export type DailyFetchOptions = {
  db: Db
  clock: Clock
  /** Not before this hour of the network's day (Grants.gov publishes the day's extract early in the morning). */
  fromHour?: number
  maxBytes?: number
  timeoutMs?: number
  /** Tests only: where the address really points (a local http server), http allowed. */
  testAddress?: (url: string) => string
  /**
   * Aborted when the Hub stops: the download or the import in progress gives up, and the day's
   * fetch is recorded as failed with the reason (nothing of the extract is kept).
   */
  signal?: AbortSignal
}

export type DailyFetchRun =
  | { status: 'off' | 'too-early' | 'taken' }
  | { status: 'failed'; day: string; problem: string }
  | { status: 'imported'; day: string; importId: string; records: number; added: number; updated: number }

/** The first hour of the network's day from which the fetch runs. */
export const FETCH_FROM_HOUR = 6

/** The address of the day: {YYYYMMDD} in the setting becomes the network's day (GrantsDBExtract{YYYYMMDD}v2.zip). */
export const fetchAddress = (setting: string, day: string) =>
  setting.replaceAll('{YYYYMMDD}', day.replaceAll('-', ''))

const hourIn = (now: Date, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now))

/** Fetches and imports the day's extract when it is on, due, and no other process took the day. */
export async function runDailyFetch(options: DailyFetchOptions): Promise<DailyFetchRun> {
  const { db, clock } = options
  const setting = (await getSettings(db)).grantsFetchUrl
  if (setting === '') return { status: 'off' }
  if (hourIn(clock.now(), clock.timeZone) < (options.fromHour ?? FETCH_FROM_HOUR))
    return { status: 'too-early' }
  const day = clock.today()
  const url = fetchAddress(setting, day)
  const claim = await claimDay(db, day, clock.timeZone, url)
  if (!claim) return { status: 'taken' }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-grants-fetch-'))
  try {
    const download = await downloadExtract(options.testAddress ? options.testAddress(url) : url, {
      dir,
      day,
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
      allowHttp: options.testAddress !== undefined,
      signal: options.signal,
    }).catch(async (error: unknown) => {
      const problem = error instanceof DownloadProblem ? error.message : `${url}: ${String(error)}`
      await finishClaim(db, claim, { status: 'failed', problem })
      throw new FetchFailed(problem)
    })
    const extract = await extractSource(download.file)
    // The import records itself (another grant_imports row via 'fetch', started the same day):
    // the claim's row has served and goes, so the day shows one import, done or failed with its reason.
    const result = await importExtract(db, {
      fileName: extract.name,
      source: untilAborted(extract.source, options.signal),
      via: 'fetch',
      by: { personId: null, actor: 'system' },
      today: day,
    }).finally(() => finishClaim(db, claim, 'replaced'))
    return { status: 'imported', day, importId: result.importId, ...pick(result) }
  } catch (error) {
    if (error instanceof FetchFailed) return { status: 'failed', day, problem: error.message }
    const problem = error instanceof Error ? error.message : String(error)
    // A zip that holds no extract is refused before the import starts: its claim keeps the reason.
    await finishClaim(db, claim, { status: 'failed', problem }).catch(() => {})
    return { status: 'failed', day, problem }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

class FetchFailed extends Error {}

const pick = (r: { records: number; added: number; updated: number }) => ({
  records: r.records,
  added: r.added,
  updated: r.updated,
})

/**
 * The day's claim, or undefined when a process already took it: under a transaction-scoped
 * advisory lock, so two processes never both see the day free.
 */
async function claimDay(db: Db, day: string, timeZone: string, url: string): Promise<string | undefined> {
  return writeAs(db, 'system', async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('grants-daily-fetch'))`)
    const [taken] = await queryRows<{ id: string }>(
      tx,
      sql`select id from grant_imports where via = 'fetch'
        and (started_at at time zone ${timeZone})::date = ${day}::date limit 1`,
    )
    if (taken) return undefined
    const [row] = await tx
      .insert(grantImports)
      .values({ fileName: url.slice(0, 500), extractDate: day, via: 'fetch' })
      .returning({ id: grantImports.id })
    return row?.id
  })
}

/** The claim's end: failed with the reason, or removed once the import recorded itself. */
async function finishClaim(
  db: Db,
  claim: string,
  end: { status: 'failed'; problem: string } | 'replaced',
): Promise<void> {
  await writeAs(db, 'system', async (tx) => {
    if (end === 'replaced') await tx.delete(grantImports).where(eq(grantImports.id, claim))
    else
      await tx
        .update(grantImports)
        .set({ status: 'failed', problem: end.problem, finishedAt: sql`hub_now()` })
        .where(eq(grantImports.id, claim))
  })
}

/** Runs the daily fetch and logs what happened; never throws (the timer calls it). */
export async function runDailyFetchLogged(options: DailyFetchOptions): Promise<DailyFetchRun | undefined> {
  try {
    const run = await runDailyFetch(options)
    if (run.status === 'imported')
      logger.info(
        { grantsFetch: run },
        `grants fetch: the extract of ${run.day} is imported, ${run.records} records`,
      )
    else if (run.status === 'failed')
      logger.warn({ grantsFetch: run }, `grants fetch: the extract of ${run.day} failed: ${run.problem}`)
    else logger.debug({ grantsFetch: run }, `grants fetch: ${run.status}`)
    return run
  } catch (error) {
    logger.error({ err: error }, 'the daily grants fetch could not run')
    return undefined
  }
}
