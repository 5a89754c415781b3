import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { type ApplicationStatus, applicationEvents, applications } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { listEvidence } from './application-detail.ts'
import { missingForSubmission } from './missing-for-submission.ts'
import { conflict, lockOwn } from './own-application.ts'

export type SubmitResult = { ok: true; status: ApplicationStatus } | { ok: false; missing: string[] }

/**
 * Submits the applicant's complete draft: round 1, submitted_at, a 'submitted' event. A
 * member application goes to staff review ('submitted'); a BFF goes straight to the board
 * ('with_board', with a 'sent_to_board' event) when the settings say BFFs skip staff review.
 * An incomplete draft is left as it is, and the answer lists what is missing.
 */
export async function submitApplication(
  db: Db,
  options: { applicationId: string; personId: string },
): Promise<SubmitResult> {
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.status !== 'draft') throw conflict('This application was already submitted.')
    const missing = missingForSubmission(app, await listEvidence(tx, app.id))
    if (missing.length > 0) return { ok: false as const, missing }
    const { bffSkipsStaffReview } = await getSettings(tx)
    const toBoard = app.category === 'bff' && bffSkipsStaffReview
    const status: ApplicationStatus = toBoard ? 'with_board' : 'submitted'
    await tx
      .update(applications)
      .set({ status, round: 1, submittedAt: sql`hub_now()`, updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, kind: 'submitted', actorId: options.personId, round: 1 })
    if (toBoard)
      await tx.insert(applicationEvents).values({
        applicationId: app.id,
        kind: 'sent_to_board',
        actorId: null,
        round: 1,
        comment: 'BFF applications go straight to the Advisory Board.',
        // After the 'submitted' event of the same transaction, whose hub_now() it would share.
        createdAt: sql`clock_timestamp()`,
      })
    return { ok: true as const, status }
  })
}
