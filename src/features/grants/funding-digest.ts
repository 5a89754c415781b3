import { sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import {
  peopleWhoTurnedOn,
  runLogged,
  sendOnce,
  type WeeklyEmailRun,
  weeklyEmailJob,
} from '#src/features/reminders/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { Clock } from '#src/lib/clock.ts'
import { addDays } from '#src/lib/dates.ts'
import { digestWeek } from '#src/lib/digest-week.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { composeFundingEmail, type FundingSection } from './funding-email.ts'
import { type FittingOrganization, fitsFor, matchingContext, matchingOrganizations } from './funding-for.ts'

export type FundingDigestOptions = { db: Db; mailer: Mailer; origin: string; secret: string; clock: Clock }

/** What a run of the funding email did (the reminders feature's shape for every weekly email). */
export type FundingDigestRun = WeeklyEmailRun

/** Closing within this many days counts as closing soon. */
export const CLOSING_SOON_DAYS = 14

type Reader = {
  id: string
  full_name: string
  email: string
  organization_ids: string[]
  already_sent: boolean
}

/**
 * The weekly funding email to each seat holder who asked for it: per organisation they hold a seat
 * in, the fitting opportunities first seen in the week before and those closing in the next 14
 * days. Sent exactly once per person per week across processes: the claim is the reminders' (kind
 * funding_digest, subject the week's Monday), taken by one process, marked sent after the mail
 * server accepted it, given back when it refused. Nothing to tell: no email, no claim.
 */
export async function runFundingDigest(options: FundingDigestOptions): Promise<FundingDigestRun> {
  const { db, clock } = options
  const today = clock.today()
  const week = digestWeek(today)
  const optedIn = await peopleWhoTurnedOn(db, 'funding_digest')
  const run = { weekStart: week.weekStart, optedIn: optedIn.length, sent: 0, taken: 0, skipped: 0, failed: 0 }
  if (optedIn.length === 0) return run
  const holders = await seatHolders(db, optedIn, week.weekStart, today)
  const readers = holders.filter((holder) => !holder.already_sent)
  run.taken = holders.length - readers.length
  // Who asked but holds no seat today has no organisation to be told about.
  run.skipped = optedIn.length - holders.length
  const organizations = new Map((await matchingOrganizations(db, today)).map((org) => [org.id, org]))
  // The rules, the threshold and the open opportunities are read once for the whole run.
  const context = await matchingContext(db, today)
  /** An organisation's part of the email: what is new this week and what closes soon, or null. */
  const sectionOf = (org: FittingOrganization): FundingSection | null => {
    const fits = fitsFor(org, context)
    const fresh = fits.filter(
      (f) =>
        f.opportunity.firstSeenOn !== null &&
        f.opportunity.firstSeenOn >= week.from &&
        f.opportunity.firstSeenOn < week.until,
    )
    const closing = fits.filter(
      (f) => f.opportunity.closeDate !== null && f.opportunity.closeDate <= addDays(today, CLOSING_SOON_DAYS),
    )
    return fresh.length + closing.length > 0 ? { organization: org, fresh, closing } : null
  }
  // Each organisation once, however many of its seat holders asked for the email.
  const sectionsOf = new Map<string, FundingSection | null>()
  const sectionFor = (organizationId: string) => {
    if (!sectionsOf.has(organizationId)) {
      const org = organizations.get(organizationId)
      sectionsOf.set(organizationId, org ? sectionOf(org) : null)
    }
    return sectionsOf.get(organizationId) ?? null
  }
  const settings = await getSettings(db)
  for (const reader of readers) {
    const sections = reader.organization_ids.map(sectionFor).filter((s): s is FundingSection => s !== null)
    if (sections.length === 0 || !reader.email.includes('@')) {
      run.skipped++
      continue
    }
    const key = { kind: 'funding_digest' as const, subject: week.weekStart, personId: reader.id }
    const outcome = await sendOnce(options, key, (unsubscribeLink) =>
      composeFundingEmail(sections, {
        origin: options.origin,
        network: { name: settings.siteName, shortName: settings.siteShortName },
        person: { fullName: reader.full_name, email: reader.email },
        unsubscribeUrl: unsubscribeLink,
        weekFrom: week.from,
      }),
    )
    run[outcome]++
  }
  return run
}

/** Seat holders today who asked for it, with their organisations and whether this week's was sent. */
function seatHolders(
  db: Db,
  personIds: readonly string[],
  weekStart: string,
  today: string,
): Promise<Reader[]> {
  const ids = sql.join(
    personIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  return queryRows<Reader>(
    db,
    sql`select p.id::text as id, p.full_name, trim(p.email) as email,
        array_agg(distinct s.organization_id::text) as organization_ids,
        exists (select 1 from reminder_deliveries d where d.kind = 'funding_digest'
          and d.subject = ${weekStart} and d.person_id = p.id and d.sent_at is not null) as already_sent
      from people p join seats s on s.person_id = p.id
        and s.starts_on <= ${today}::date and (s.ends_on is null or s.ends_on > ${today}::date)
      where p.id in (${ids}) and p.email is not null
      group by p.id, p.full_name, p.email order by p.id`,
  )
}

/** Runs the funding digest and logs what happened; never throws (the reminders' timer calls it). */
export const runFundingDigestLogged = (options: FundingDigestOptions): Promise<void> =>
  runLogged(
    weeklyEmailJob({
      key: 'fundingDigest',
      name: 'funding digest',
      skipped: 'with nothing to tell',
      failure: 'the funding digest could not be worked out',
    }),
    () => runFundingDigest(options),
  )
