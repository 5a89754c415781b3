import type { Db } from '#src/db/client.ts'
import type { OutcomeReportStatus } from '#src/db/schema/index.ts'
import {
  type OutcomesBy,
  returnReport,
  saveReportDraft,
  submitReport,
  verifyReport,
  yearPeriod,
} from '#src/features/outcomes/index.ts'

/**
 * Outcome reports a test builds for itself through the outcomes kernel (never by hand in SQL),
 * so every round is recorded as the pages would record it.
 * @example await outcomeReport(db, org, { year: 2025, status: 'verified', figures: { jobs_created: 120 } })
 */

/** Who acts in a factory: staff (or a seat holder) on record as a person, or the system. */
export const actingAs = (personId: string | null, isStaff = true): OutcomesBy => ({
  personId,
  actor: personId ? `person:${personId}` : 'system',
  isStaff,
})

/** A report of `year` for the organisation, in `status`, with these figures (metric key to amount; cents for dollars). */
export async function outcomeReport(
  db: Db,
  organization: { id: string },
  options: {
    year: number
    status: OutcomeReportStatus
    figures: Record<string, number>
    by?: OutcomesBy
    note?: string
  },
): Promise<string> {
  const by = options.by ?? actingAs(null)
  const figures = Object.entries(options.figures).map(([metric, actual]) => ({ metric, actual, note: null }))
  const id = await saveReportDraft(
    db,
    {
      organizationId: organization.id,
      period: yearPeriod(options.year),
      note: options.note ?? null,
      evidenceUrl: null,
      figures,
    },
    by,
  )
  if (options.status === 'draft') return id
  await submitReport(db, id, by)
  if (options.status === 'returned')
    await returnReport(db, id, { comment: 'Check the figures.', figureComments: {} }, by)
  if (options.status === 'verified') await verifyReport(db, id, by)
  return id
}
