import { sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { presentations } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { callsOfYear, lockYear } from './find-presentations.ts'
import { DEFAULT_CAPACITY, type ExistingSlot, type PlanOrganization, planPresentations } from './plan.ts'

export type PlanSummary = {
  /** The first day calls could take a new slot. */
  from: string
  placed: { organization: PlacedOrganization; callDate: string; isRequestHonoured: boolean }[]
  unplaced: PlacedOrganization[]
}

type PlacedOrganization = { id: string; name: string; slug: string }

/**
 * Gives every organisation admitted on the plan's first day, max(today, 1 January), a slot
 * if it has none, on the calls from that day on (see plan.ts); all slots are written in one
 * transaction. Slots already planned, given or missed stay where they are.
 */
export async function planYear(
  db: Db,
  actor: Actor,
  options: { year: number; today: string },
): Promise<PlanSummary> {
  const { year } = options
  const firstDay = `${String(year).padStart(4, '0')}-01-01`
  const from = options.today > firstDay ? options.today : firstDay
  return writeAs(db, actor, async (tx) => {
    await lockYear(tx, year)
    const [calls, organizations, existing] = await Promise.all([
      callsOfYear(tx, year),
      queryRows<PlanOrganization & { slug: string }>(
        tx,
        sql`select o.id::text as "id", o.name, o.slug, p.requested_month as "requestedMonth"
          from organizations o
          left join presentations p on p.organization_id = o.id and p.year = ${year}
          where ${isAdmittedSql(sql`o.id`, from)}`,
      ),
      queryRows<ExistingSlot>(
        tx,
        sql`select organization_id::text as "organizationId", call_id::text as "callId", status
          from presentations where year = ${year}`,
      ),
    ])
    const plan = planPresentations({
      calls: calls.map((c) => ({ id: c.id, date: c.date, isCancelled: c.status === 'cancelled' })),
      organizations,
      existing,
      capacity: DEFAULT_CAPACITY,
      from,
    })
    if (plan.placements.length > 0)
      await tx
        .insert(presentations)
        .values(
          plan.placements.map((p) => ({
            organizationId: p.organizationId,
            year,
            callId: p.callId,
            status: 'planned' as const,
          })),
        )
        // An organisation that asked for a month keeps its request and title; only the slot changes.
        .onConflictDoUpdate({
          target: [presentations.organizationId, presentations.year],
          set: { callId: sql`excluded.call_id`, status: 'planned', actualMinutes: null },
        })
    const byId = new Map(organizations.map((o) => [o.id, o]))
    const organization = (id: string): PlacedOrganization => {
      const o = byId.get(id)
      return { id, name: o?.name ?? '', slug: o?.slug ?? '' }
    }
    return {
      from,
      placed: plan.placements.map((p) => ({
        organization: organization(p.organizationId),
        callDate: p.date,
        isRequestHonoured: p.isRequestHonoured,
      })),
      unplaced: plan.unplaced.map((o) => organization(o.id)),
    }
  })
}
