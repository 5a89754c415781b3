import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { organizations } from '#src/db/schema/index.ts'
import { isCountyFips, isStateCode, stateCodeForFips, usStates } from '#src/features/map/index.ts'

export type OrganizationRegion = {
  id: string
  slug: string
  name: string
  states: string[]
  counties: string[]
}

export async function getOrganizationRegion(
  db: DbOrTx,
  slug: string,
): Promise<OrganizationRegion | undefined> {
  const [row] = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      states: organizations.states,
      counties: organizations.counties,
    })
    .from(organizations)
    .where(eq(organizations.slug, slug))
  return row
}

export type RegionParse =
  | { ok: true; states: string[]; counties: string[] }
  | { ok: false; errors: { states?: string; counties?: string }; states: string[]; counties: string[] }

const ticked = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')

/**
 * The region a form sends: state codes from the list and county FIPS codes from the atlas.
 * Counties of states no longer chosen are dropped; both lists come back in a fixed order.
 */
export function parseRegion(body: Record<string, unknown>): RegionParse {
  const states = ticked(body.states)
  const counties = ticked(body.counties)
  const errors: { states?: string; counties?: string } = {}
  if (!states.every(isStateCode)) errors.states = 'Choose the states from the list.'
  if (!counties.every((fips) => /^\d{5}$/.test(fips) && isCountyFips(fips)))
    errors.counties = 'Choose the counties from the lists.'
  if (errors.states || errors.counties) return { ok: false, errors, states, counties }
  const chosen: string[] = usStates.map((s) => s.code).filter((code) => states.includes(code))
  const inChosenState = (fips: string) => chosen.includes(stateCodeForFips(fips.slice(0, 2)) ?? '')
  const kept = [...new Set(counties)].filter(inChosenState).sort()
  return { ok: true, states: chosen, counties: kept }
}

/** Saves the region (audited against `actor`); returns whether anything changed. */
export async function updateOrganizationRegion(
  db: Db,
  options: { organizationId: string; actor: Actor; states: string[]; counties: string[] },
): Promise<boolean> {
  return writeAs(db, options.actor, async (tx) => {
    const [current] = await tx
      .select({ states: organizations.states, counties: organizations.counties })
      .from(organizations)
      .where(eq(organizations.id, options.organizationId))
      .for('update')
    const same = (a: string[] = [], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i])
    if (!current || (same(current.states, options.states) && same(current.counties, options.counties)))
      return false
    await tx
      .update(organizations)
      .set({ states: options.states, counties: options.counties, updatedAt: sql`hub_now()` })
      .where(eq(organizations.id, options.organizationId))
    return true
  })
}
