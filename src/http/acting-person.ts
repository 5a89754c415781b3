import type { Context } from 'hono'
import { AppError } from '#src/lib/errors.ts'
import type { AppEnv } from './deps.ts'

/** Who does an action: the person the signed-in account is on record as, and the audit log's actor. */
export type ActingPerson = { personId: string; actor: `person:${string}` }

/**
 * The person the signed-in viewer is on record as; a 403 that says what cannot be done (`cannot`)
 * when their account is linked to no person. Routes call it after their permission guard.
 */
export function actingPerson(c: Context<AppEnv>, cannot = 'do this'): ActingPerson {
  const viewer = c.get('viewer')
  if (viewer.kind !== 'user' || !viewer.personId)
    throw new AppError('FORBIDDEN', {
      userMessage: `Your account is not linked to a person on record, so it cannot ${cannot}.`,
    })
  return { personId: viewer.personId, actor: `person:${viewer.personId}` }
}
