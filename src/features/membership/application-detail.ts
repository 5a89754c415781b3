import { asc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import {
  applicationDecisions,
  applicationEvents,
  applicationEvidence,
  applicationReviews,
  applications,
  type MemberCriterion,
  memberCriteria,
  people,
  storedFiles,
} from '#src/db/schema/index.ts'
import { nomineeRows } from './nominees.ts'
import { isoInstant, isoInstantOrNull, lockedBefore } from './sql-parts.ts'
import type { ApplicationDetail, EvidenceItem, ReviewRow } from './types.ts'

const criterionOrder = (c: MemberCriterion) => memberCriteria.indexOf(c)

/** The evidence of an application, criterion by criterion in form order, oldest first. */
export async function listEvidence(db: DbOrTx, applicationId: string): Promise<EvidenceItem[]> {
  const rows = await db
    .select({
      id: applicationEvidence.id,
      criterion: applicationEvidence.criterion,
      url: applicationEvidence.url,
      note: applicationEvidence.note,
      fileId: storedFiles.id,
      fileName: storedFiles.name,
      fileSize: storedFiles.size,
      contentType: storedFiles.contentType,
      createdAt: isoInstant(applicationEvidence.createdAt),
      isLocked: sql<boolean>`coalesce(${applicationEvidence.createdAt} <= ${lockedBefore(applicationId)}, false)`,
    })
    .from(applicationEvidence)
    .leftJoin(storedFiles, eq(storedFiles.id, applicationEvidence.fileId))
    .where(eq(applicationEvidence.applicationId, applicationId))
    .orderBy(asc(applicationEvidence.createdAt), asc(applicationEvidence.id))
  return rows
    .map((r) => ({
      id: r.id,
      criterion: r.criterion,
      url: r.url,
      note: r.note,
      file:
        r.fileId && r.fileName && r.contentType
          ? { id: r.fileId, name: r.fileName, size: Number(r.fileSize), contentType: r.contentType }
          : null,
      createdAt: r.createdAt,
      isLocked: r.isLocked,
    }))
    .sort((a, b) => criterionOrder(a.criterion) - criterionOrder(b.criterion))
}

/** Staff verdicts of every round, round by round and criterion by criterion. */
async function listReviews(db: DbOrTx, applicationId: string): Promise<ReviewRow[]> {
  const reviewer = alias(people, 'reviewer')
  const reviews = await db
    .select({
      round: applicationReviews.round,
      criterion: applicationReviews.criterion,
      verdict: applicationReviews.verdict,
      comment: applicationReviews.comment,
      reviewerName: reviewer.fullName,
      createdAt: isoInstant(applicationReviews.createdAt),
    })
    .from(applicationReviews)
    .innerJoin(reviewer, eq(reviewer.id, applicationReviews.reviewerId))
    .where(eq(applicationReviews.applicationId, applicationId))
  return reviews.sort(
    (a, b) => a.round - b.round || criterionOrder(a.criterion) - criterionOrder(b.criterion),
  )
}

/** A designation read back: whatever is stored shows as text, never as an error. */
const designationShape = z.object({
  program: z.string().catch(''),
  kind: z.string().catch(''),
  date: z.string().catch(''),
})

/**
 * Everything about one application that its pages show: the record, the applicant, the
 * evidence, the history (oldest first), the staff verdicts of every round (and of the latest
 * reviewed one) and the decision. For the applicant's page and for staff and board pages
 * alike; who may see it is the caller's check. Undefined when no application has this id.
 */
export async function getApplicationDetail(
  db: DbOrTx,
  applicationId: string,
): Promise<ApplicationDetail | undefined> {
  if (!z.uuid().safeParse(applicationId).success) return undefined
  const [row] = await db
    .select({
      app: applications,
      submittedAt: isoInstantOrNull(applications.submittedAt),
      decidedAt: isoInstantOrNull(applications.decidedAt),
      applicantName: people.fullName,
      applicantEmail: people.email,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.id, applicationId))
  if (!row) return undefined
  const { app } = row

  const actor = alias(people, 'actor')
  const events = await db
    .select({
      id: applicationEvents.id,
      kind: applicationEvents.kind,
      round: applicationEvents.round,
      comment: applicationEvents.comment,
      actorName: actor.fullName,
      createdAt: isoInstant(applicationEvents.createdAt),
    })
    .from(applicationEvents)
    .leftJoin(actor, eq(actor.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id))

  const reviews = await listReviews(db, applicationId)
  const latestRound = reviews.at(-1)?.round
  const [decision] = await db
    .select({
      outcome: applicationDecisions.outcome,
      decidedAt: isoInstant(applicationDecisions.decidedAt),
      admittedOn: applicationDecisions.admittedOn,
    })
    .from(applicationDecisions)
    .where(eq(applicationDecisions.applicationId, applicationId))

  const claims = Array.isArray(app.designations) ? (app.designations as unknown[]) : []
  return {
    ...app,
    designations: claims.map((c) => designationShape.parse(typeof c === 'object' && c !== null ? c : {})),
    nominees: nomineeRows(app.nominees),
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    applicant: { personId: app.applicantId, name: row.applicantName, email: row.applicantEmail },
    evidence: await listEvidence(db, applicationId),
    events,
    reviews,
    latestReview:
      latestRound === undefined
        ? null
        : { round: latestRound, items: reviews.filter((r) => r.round === latestRound) },
    decision: decision ?? null,
  }
}
