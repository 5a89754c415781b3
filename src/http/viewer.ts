import type { Actor } from '#src/db/actor.ts'
import { AppError } from '#src/lib/errors.ts'

export const roles = ['staff', 'board', 'representative', 'alternate', 'applicant'] as const
export type Role = (typeof roles)[number]

/** Who is making a request, with roles derived from the records on the day (never stored as flags). */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: string
      email: string
      name: string
      personId: string | null
      roles: Role[]
      /** Organisations whose representative or alternate seat this person holds today. */
      seatOrganizationIds: string[]
    }
  | { kind: 'token'; tokenId: string; name: string; scopes: string[] }

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>

export const anonymous: Viewer = { kind: 'anonymous' }

export const hasRole = (viewer: Viewer, role: Role): boolean =>
  viewer.kind === 'user' && viewer.roles.includes(role)

/** Who a change is credited to: the person (for columns such as `updated_by`) and the audit log's actor. */
export type Editor = { personId: string | null; actor: Actor }

/**
 * The one answer to "who made this change": the signed-in person (their account when no person
 * is linked to it), an API token, or nobody. Never 'system' for something a person did.
 * @example const { personId, actor } = editorOf(c.get('viewer'))
 */
export function editorOf(viewer: Viewer): Editor {
  if (viewer.kind === 'user')
    return {
      personId: viewer.personId,
      actor: viewer.personId ? `person:${viewer.personId}` : `user:${viewer.userId}`,
    }
  if (viewer.kind === 'token') return { personId: null, actor: `token:${viewer.tokenId}` }
  return { personId: null, actor: 'anonymous' }
}

/** Who does an action that must be credited to a person on record, as editorOf says it. */
export type ActingPerson = { personId: string; actor: `person:${string}` }

/**
 * editorOf, for an action only a person on record may do: a 403 that says what cannot be done
 * (`cannot`) when the viewer's account is linked to no person, or the viewer is not signed in.
 */
export function actingPerson(viewer: Viewer, cannot = 'do this'): ActingPerson {
  const { personId, actor } = editorOf(viewer)
  if (!personId)
    throw new AppError('FORBIDDEN', {
      userMessage: `Your account is not linked to a person on record, so it cannot ${cannot}.`,
    })
  // A viewer with a person is credited as that person (editorOf).
  return { personId, actor: actor as ActingPerson['actor'] }
}
