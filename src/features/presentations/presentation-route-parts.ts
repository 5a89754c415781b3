/** What the presentation routes share: the organisation or presentation of the address, and who acts. */
import type { Context } from 'hono'
import type { Actor } from '#src/db/actor.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { findOrganization, type OrganizationRef } from '#src/features/seats/index.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { findPresentation, noPresentation, type PresentationRow } from './find-presentations.ts'

const notYours =
  'Only staff and the representative or alternate of this organisation can see and ask for its presentation.'
const noPerson = 'Your account is not linked to a person record, so the change could not be recorded.'

const forbidden = (userMessage: string) => new AppError('FORBIDDEN', { userMessage })

/** The organisation of the address and the person acting for it: 404, or 403 for someone else. */
export async function ownOrganization(
  db: DbOrTx,
  c: Context<AppEnv>,
): Promise<{ org: OrganizationRef; actor: Actor }> {
  const slug = c.req.param('slug') ?? ''
  const org = isUuid(slug) ? undefined : await findOrganization(db, slug)
  if (!org) throw notFound('No organisation has this address.')
  const viewer = c.get('viewer')
  if (!canEditOrganization(viewer, org.id)) throw forbidden(notYours)
  const personId = viewer.kind === 'user' ? viewer.personId : null
  if (!personId) throw forbidden(noPerson)
  return { org, actor: `person:${personId}` }
}

/** The signed-in staff member's person as the actor of a change; 403 for an account without one. */
export function staffActor(c: Context<AppEnv>): Actor {
  const viewer = c.get('viewer')
  if (viewer.kind === 'user' && viewer.personId) return `person:${viewer.personId}`
  throw forbidden(noPerson)
}

/** The presentation of the address's id: 404 when there is none. */
export async function presentationOf(db: DbOrTx, c: Context<AppEnv>): Promise<PresentationRow> {
  const p = await findPresentation(db, c.req.param('id') ?? '')
  if (!p) throw noPresentation()
  return p
}
