import { and, eq } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { applications } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Designation, Nominee } from './types.ts'

// What every change of the applicant's shares: it is theirs, and recorded against them.

export const notYours = () =>
  new AppError('NOT_FOUND', { userMessage: 'You have no application at this address.' })

/** Locks the applicant's own application for the rest of the transaction. */
export async function lockOwn(tx: Tx, applicationId: string, personId: string) {
  const [app] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, personId)))
    .for('update')
  if (!app) throw notYours()
  return {
    ...app,
    designations: (app.designations ?? []) as Designation[],
    nominees: (Array.isArray(app.nominees) ? app.nominees : []) as Nominee[],
  }
}

export const conflict = (userMessage: string) => new AppError('CONFLICT', { userMessage })
