import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { applicationEvents, applications } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { staffStatusLabels } from './labels.ts'
import { lockApplication, noApplication } from './lock-application.ts'

/**
 * Sends a BFF application to the Advisory Board from staff review (when the setting
 * bffSkipsStaffReview is off, BFF applications wait in the staff queue): status with_board
 * and a sent_to_board event with the staff comment, in one transaction.
 */
export async function sendToBoard(
  db: Db,
  options: { applicationId: string; staffPersonId: string; comment: string | null },
): Promise<void> {
  await writeAs(db, `person:${options.staffPersonId}`, async (tx) => {
    const app = await lockApplication(tx, options.applicationId)
    if (!app) throw noApplication()
    if (app.category !== 'bff' || app.status !== 'submitted')
      throw new AppError('CONFLICT', {
        userMessage:
          app.category !== 'bff'
            ? 'A member application goes to the Advisory Board through the verdicts on its four criteria.'
            : `This application is not waiting for staff (its status: ${staffStatusLabels[app.status]}).`,
      })
    await tx
      .update(applications)
      .set({ status: 'with_board', updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      kind: 'sent_to_board',
      actorId: options.staffPersonId,
      round: app.round,
      comment: options.comment,
    })
  })
}
