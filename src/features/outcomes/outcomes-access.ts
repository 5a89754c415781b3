import type { DbOrTx } from '#src/db/client.ts'
import { notFound } from '#src/http/errors.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { editorOf, hasRole, type Viewer } from '#src/http/viewer.ts'
import { AppError } from '#src/lib/errors.ts'
import {
  allOutcomeOrganizations,
  findOutcomeOrganization,
  type OutcomeOrganization,
  organizationsWithIds,
} from './outcome-organizations.ts'
import type { OutcomesBy } from './report-workflow.ts'

/** Who acts on the outcome pages: the person, the audit actor, and whether staff. */
export const outcomesByOf = (viewer: Viewer): OutcomesBy => ({
  ...editorOf(viewer),
  isStaff: hasRole(viewer, 'staff'),
})

export const notYourOrganization = () =>
  new AppError('FORBIDDEN', {
    userMessage:
      'Only staff and the representative or alternate who holds this organisation’s seat today can see its outcome reports and goals.',
  })

/** The organisation the viewer may act for (staff: any), or a refusal. */
export function mustActFor(viewer: Viewer, organizationId: string): void {
  if (!canEditOrganization(viewer, organizationId)) throw notYourOrganization()
}

/**
 * The organisations the viewer may act for, and the one a page is about: the one named by its
 * slug, or the seat holder's only organisation; staff choose (none until they do).
 * @throws NOT_FOUND for an unknown slug, FORBIDDEN for another organisation's
 */
export async function chooseOrganization(
  db: DbOrTx,
  viewer: Viewer,
  slug: string | undefined,
): Promise<{ choices: OutcomeOrganization[]; chosen: OutcomeOrganization | null }> {
  const isStaff = hasRole(viewer, 'staff')
  const choices = isStaff
    ? await allOutcomeOrganizations(db)
    : await organizationsWithIds(db, viewer.kind === 'user' ? viewer.seatOrganizationIds : [])
  if (slug) {
    const org = await findOutcomeOrganization(db, slug)
    if (!org) throw notFound('No organisation has this address.')
    mustActFor(viewer, org.id)
    return { choices, chosen: org }
  }
  return { choices, chosen: !isStaff && choices.length === 1 ? (choices[0] ?? null) : null }
}
