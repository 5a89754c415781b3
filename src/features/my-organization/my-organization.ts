/**
 * What a representative or alternate needs of their organisation on one page: this year's
 * obligations (the obligations feature's status and what is owed), the next call, the seats.
 * No rule lives here: each part is read from the feature that owns it.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { callAheadSql } from '#src/features/calls/index.ts'
import {
  complianceFromRecords,
  loadYearRecords,
  type ObligationsResult,
  owedSentences,
} from '#src/features/obligations/index.ts'
import { findOrganization, type OrganizationRef, seatHoldersOn } from '#src/features/seats/index.ts'
import { getSettings, joinDetailsOf } from '#src/features/settings/index.ts'

export type NextCall = {
  localDate: string
  startsAt: string
  timeZone: string
  title: string | null
  /** How members join it: its own link and dial-in, else the series' (empty when none). */
  joinUrl: string
  dialIn: string
}

export type MyOrganization = {
  org: OrganizationRef
  year: number
  /** The engine's result for this year; undefined when not admitted on any day of it. */
  obligations: ObligationsResult | undefined
  /** What is still owed this year, in sentences (the obligations page's own). */
  owed: string[]
  seats: Record<SeatRole, { id: string; fullName: string; email: string } | null>
  /** Whether the viewer may change the seats: its representative today, or staff. */
  canManageSeats: boolean
}

/** The next call not yet over at `now` (callAheadSql), with how to join it, or null. */
export async function nextCall(db: DbOrTx, now: Date): Promise<NextCall | null> {
  const [[row], settings] = await Promise.all([
    queryRows<Omit<NextCall, 'joinUrl' | 'dialIn'> & { joinUrl: string | null; dialIn: string | null }>(
      db,
      sql`select local_date::text as "localDate", starts_at as "startsAt", time_zone as "timeZone", title,
          join_url as "joinUrl", dial_in as "dialIn"
        from calls c where ${callAheadSql('c', now)}
        order by starts_at limit 1`,
    ),
    getSettings(db),
  ])
  if (!row) return null
  const { joinUrl, dialIn } = joinDetailsOf(row, settings)
  return { ...row, startsAt: new Date(row.startsAt).toISOString(), joinUrl, dialIn }
}

/**
 * The organisations as their seat holder (or staff) sees them on `today`, in the order given:
 * this year's records and the settings are read once for all of them.
 */
export async function loadMyOrganizations(
  db: DbOrTx,
  options: { organizationIds: readonly string[]; today: string; personId: string | null; isStaff: boolean },
): Promise<MyOrganization[]> {
  const { organizationIds, today } = options
  if (organizationIds.length === 0) return []
  const year = Number(today.slice(0, 4))
  const [settings, records, orgs, seatsOf] = await Promise.all([
    getSettings(db),
    loadYearRecords(db, { year, organizationIds }),
    Promise.all(organizationIds.map((id) => findOrganization(db, id))),
    Promise.all(organizationIds.map((id) => seatHoldersOn(db, id, today))),
  ])
  const compliance = complianceFromRecords(records, { today, settings })
  return organizationIds.flatMap((id, i) => {
    const org = orgs[i]
    const seats = seatsOf[i]
    if (!org || !seats) return []
    const obligations = compliance.find((c) => c.organizationId === id)?.obligations
    return [
      {
        org,
        year,
        obligations,
        owed: obligations ? owedSentences(obligations, today, settings.presentationAdmissionCutoff) : [],
        seats,
        canManageSeats:
          options.isStaff || (options.personId !== null && seats.representative?.id === options.personId),
      },
    ]
  })
}
