import { sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { loadUserViewers } from '#src/features/access/index.ts'
import {
  claimReminder,
  peopleWhoTurnedOn,
  runLogged,
  sendOnce,
  type WeeklyEmailRun,
  weeklyEmailJob,
} from '#src/features/reminders/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { visibleTo } from '#src/http/permissions.ts'
import { anonymous, type Viewer } from '#src/http/viewer.ts'
import type { Clock } from '#src/lib/clock.ts'
import { digestWeek } from '#src/lib/digest-week.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { hasAddress } from './audiences.ts'
import { type DigestItem, digestItems } from './digest-content.ts'
import { composeDigestEmail } from './digest-email.ts'

export type DigestRunOptions = { db: Db; mailer: Mailer; origin: string; secret: string; clock: Clock }

/** What a run of the digest did (the reminders feature's shape for every weekly email). */
export type DigestRun = WeeklyEmailRun

type Reader = { id: string; fullName: string; email: string; userId: string | null }

/**
 * Sends this week's digest to each person who asked for it and has not had it (docs/decisions/018):
 * the claim is the reminders' (kind weekly_digest, subject the week's Monday, person) in
 * reminder_deliveries, won by whichever Hub process gets there first, taken over when an hour old
 * and never sent (a process died), marked sent after the mail server accepted it, given back when
 * it refused. Nothing new: no email, no claim.
 */
export async function runDigest(options: DigestRunOptions): Promise<DigestRun> {
  const { db, clock } = options
  const week = digestWeek(clock.today())
  const now = clock.now()
  const optedIn = await peopleWhoTurnedOn(db, 'weekly_digest')
  const run: DigestRun = {
    weekStart: week.weekStart,
    optedIn: optedIn.length,
    sent: 0,
    taken: 0,
    skipped: 0,
    failed: 0,
  }
  if (optedIn.length === 0) return run
  const itemsFor = new Map<string, Promise<DigestItem[]>>()
  const visibleItems = (visibilities: ('public' | 'members')[]) => {
    const key = visibilities.join(',')
    if (!itemsFor.has(key))
      itemsFor.set(key, digestItems(db, { week, now, timeZone: clock.timeZone, visibilities }))
    return itemsFor.get(key) as Promise<DigestItem[]>
  }
  // Those who had this week's digest are done: the runs after the first write and read nothing more.
  const readers = await pendingReaders(db, optedIn, week.weekStart)
  run.taken = optedIn.length - readers.length
  if (readers.length === 0) return run
  // Nothing at all came out in the week: nobody gets an email, and nobody's roles are looked up.
  if ((await visibleItems(['public', 'members'])).length === 0) {
    run.skipped = readers.length
    return run
  }
  const settings = await getSettings(db)
  const network = { name: settings.siteName, shortName: settings.siteShortName }
  // Every reader's roles on the day, in one query.
  const viewers = await loadUserViewers(
    db,
    readers.flatMap((r) => (r.userId ? [{ id: r.userId, email: r.email, name: r.fullName }] : [])),
    clock.today(),
  )
  for (const reader of readers) {
    const viewer: Viewer = (reader.userId && viewers.get(reader.userId)) || anonymous
    const items = await visibleItems(visibleTo(viewer))
    if (items.length === 0 || !hasAddress(reader.email)) {
      run.skipped++
      continue
    }
    const key = { kind: 'weekly_digest' as const, subject: week.weekStart, personId: reader.id }
    const outcome = await sendOnce(options, key, (unsubscribeLink) =>
      composeDigestEmail(week, items, {
        origin: options.origin,
        network,
        person: reader,
        unsubscribeUrl: unsubscribeLink,
      }),
    )
    run[outcome]++
  }
  return run
}

/** The people who asked for it and were not sent this week's digest yet, with what the email needs. */
function pendingReaders(db: Db, personIds: readonly string[], weekStart: string): Promise<Reader[]> {
  const ids = sql.join(
    personIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  return queryRows<Reader>(
    db,
    sql`select p.id::text as id, p.full_name as "fullName", trim(p.email) as email, p.user_id as "userId"
      from people p where p.id in (${ids}) and not exists (select 1 from reminder_deliveries d
        where d.kind = 'weekly_digest' and d.subject = ${weekStart} and d.person_id = p.id
          and d.sent_at is not null)
      order by p.id`,
  )
}

/** The claim of one person's digest for the week: its id when this call won it, else undefined. */
export const claimDigest = (db: Db, personId: string, weekStart: string): Promise<string | undefined> =>
  claimReminder(db, { kind: 'weekly_digest', subject: weekStart, personId })

/** Runs the digest and logs what happened; never throws (the reminders' timer calls it). */
export const runDigestLogged = (options: DigestRunOptions): Promise<void> =>
  runLogged(
    weeklyEmailJob({
      key: 'digest',
      name: 'digest',
      skipped: 'with nothing new',
      failure: 'the weekly digest could not be worked out',
    }),
    () => runDigest(options),
  )
