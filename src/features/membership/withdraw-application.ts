import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { applicationEvents, applications } from '#src/db/schema/index.ts'
import { withdrawableStatuses } from './labels.ts'
import { conflict, lockOwn } from './own-application.ts'

/** The applicant withdraws an application that is not decided yet: a 'withdrawn' event. */
export async function withdrawApplication(
  db: Db,
  options: { applicationId: string; personId: string },
): Promise<void> {
  await writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (!withdrawableStatuses.includes(app.status))
      throw conflict(
        app.status === 'withdrawn'
          ? 'This application is already withdrawn.'
          : 'This application is decided: it can no longer be withdrawn.',
      )
    await tx
      .update(applications)
      .set({ status: 'withdrawn', updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, kind: 'withdrawn', actorId: options.personId, round: app.round })
  })
}
