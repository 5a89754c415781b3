import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { applications } from '#src/db/schema/index.ts'
import { stateCodeForFips } from '#src/features/map/index.ts'
import { draftFieldsOf } from './draft-fields.ts'
import { conflict, lockOwn } from './own-application.ts'
import type { DraftField, DraftUpdate } from './types.ts'

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Saves the fields of `update` on the applicant's draft. Counties of states no longer chosen
 * are dropped. Nothing is written (not even updated_at) when nothing changed.
 */
export async function saveDraft(
  db: Db,
  options: { applicationId: string; personId: string; update: DraftUpdate },
): Promise<{ changed: boolean }> {
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.status !== 'draft')
      throw conflict('This application is submitted: its details can no longer be changed.')
    const allowed = draftFieldsOf(app.category)
    const update = Object.fromEntries(
      Object.entries(options.update).filter(([field]) => allowed.includes(field as DraftField)),
    ) as DraftUpdate
    const next = {
      organizationName: app.organizationName,
      shortName: app.shortName,
      leadOrganization: app.leadOrganization,
      website: app.website,
      summary: app.summary,
      partners: app.partners,
      focusIndustries: app.focusIndustries,
      designations: app.designations,
      states: app.states,
      counties: app.counties,
      bffKind: app.bffKind,
      openSourceValue: app.openSourceValue,
      nominees: app.nominees,
      commitments: app.commitments,
      ...update,
    }
    const states = new Set(next.states)
    next.counties = next.counties.filter((fips) => states.has(stateCodeForFips(fips.slice(0, 2)) ?? ''))
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => !sameJson(next[k], app[k]))
    if (changed)
      await tx
        .update(applications)
        .set({ ...next, updatedAt: sql`hub_now()` })
        .where(eq(applications.id, app.id))
    return { changed }
  })
}
