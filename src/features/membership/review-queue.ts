import { asc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import { type ApplicationStatus, applications, people } from '#src/db/schema/index.ts'
import { isoInstantOrNull } from './sql-parts.ts'

/** The statuses the staff queue can show; the open ones are its default. */
export const queueStatuses = [
  'submitted',
  'needs_info',
  'with_board',
  'approved',
  'rejected',
  'withdrawn',
] as const satisfies readonly ApplicationStatus[]
export type QueueStatus = (typeof queueStatuses)[number]
export const openQueueStatuses = [
  'submitted',
  'needs_info',
  'with_board',
] as const satisfies readonly QueueStatus[]

export const queueFilterSchema = z.object({
  status: z.enum(['', ...queueStatuses], { error: 'Choose a status from the list.' }).optional(),
})

export type QueueItem = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  applicantName: string
  applicantEmail: string
  submittedAt: string | null
  round: number
  status: ApplicationStatus
}

/** Applications past the draft stage in these statuses, the longest waiting first. */
export async function listReviewQueue(
  db: DbOrTx,
  options: { statuses: readonly QueueStatus[] },
): Promise<QueueItem[]> {
  return db
    .select({
      id: applications.id,
      category: applications.category,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      applicantEmail: people.email,
      submittedAt: isoInstantOrNull(applications.submittedAt),
      round: applications.round,
      status: applications.status,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(inArray(applications.status, [...options.statuses]))
    .orderBy(sql`${applications.submittedAt} asc nulls last`, asc(applications.id))
}
