import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { applications, people } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'

/** Locks an application for staff's change, with what their emails need; undefined when there is none. */

export const lockApplication = async (tx: DbOrTx, id: string) => {
  const [app] = await tx
    .select({
      id: applications.id,
      category: applications.category,
      status: applications.status,
      round: applications.round,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      applicantEmail: people.email,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.id, id))
    .for('update', { of: applications })
  return app
}

export const noApplication = () =>
  new AppError('NOT_FOUND', { userMessage: 'There is no application with this address.' })
