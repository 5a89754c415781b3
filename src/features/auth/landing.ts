import { loadUserViewer } from '#src/features/access/index.ts'
import type { AppDeps } from '#src/http/deps.ts'
import { DEFAULT_NEXT } from './sign-in.ts'

/** A representative's or alternate's own page (src/features/my-organization). */
export const MY_ORGANIZATION_PATH = '/my-organization'

/**
 * Where a sign-in lands: the page it was sent from when there was one; otherwise a holder of a
 * representative or alternate seat today lands on their organisation's page, anyone else on
 * their account (DEFAULT_NEXT), as before.
 */
export async function landingAfterSignIn(
  deps: Pick<AppDeps, 'auth' | 'database' | 'clock'>,
  email: string,
  next: string,
): Promise<string> {
  if (next !== DEFAULT_NEXT) return next
  const ctx = await deps.auth.$context
  const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase())
  if (!found) return next
  const user = { id: found.user.id, email: found.user.email, name: found.user.name }
  const viewer = await loadUserViewer(deps.database.db, user, deps.clock.today())
  return viewer.seatOrganizationIds.length > 0 ? MY_ORGANIZATION_PATH : next
}
