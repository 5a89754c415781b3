import { and, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationEvidence,
  applications,
  type MemberCriterion,
  storedFiles,
} from '#src/db/schema/index.ts'
import {
  applicationEvidenceUse,
  checkUpload,
  type FileKind,
  quotaRefusal,
  storeFile,
  uploadQuotas,
} from '#src/features/files/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatNumber } from '#src/ui/format.ts'
import { draftLimits } from './draft-fields.ts'
import { conflict, lockOwn } from './own-application.ts'
import { lockedBefore } from './sql-parts.ts'

/** Statuses in which the applicant may add evidence: a draft, or when staff asked for more. */
const evidenceStatuses: readonly ApplicationStatus[] = ['draft', 'needs_info']

/** Checks a link given as evidence; undefined when it is fine. */
export function checkEvidenceLink(link: string): string | undefined {
  if (link.length > draftLimits.link)
    return `A link can be at most ${formatNumber(draftLimits.link)} characters (this one has ${formatNumber(link.length)}).`
  if (!isWebAddress(link))
    return 'Enter a full web address starting with http:// or https://, such as https://example.org/agreement.pdf.'
  return undefined
}

export type EvidenceResult =
  | { ok: true; evidenceId: string }
  | { ok: false; status: 400 | 413; message: string }

/**
 * Adds evidence for one criterion of the applicant's member application: a link, or a file
 * (checked by its content and kept in the database in the same transaction as the evidence).
 * A refused file or link changes nothing.
 */
export async function addEvidence(
  db: Db,
  options: {
    applicationId: string
    personId: string
    criterion: MemberCriterion
    evidence: { link: string } | { file: { name: string; bytes: Uint8Array } }
  },
): Promise<EvidenceResult> {
  const { evidence } = options
  let file: { name: string; kind: FileKind; bytes: Uint8Array } | undefined
  if ('file' in evidence) {
    const check = checkUpload(evidence.file)
    if (!check.ok) return check
    file = { name: check.name, kind: check.kind, bytes: evidence.file.bytes }
  } else {
    const error = checkEvidenceLink(evidence.link)
    if (error) return { ok: false, status: 400, message: error }
  }
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.category !== 'member') throw conflict('A BFF application carries no evidence documents.')
    if (!evidenceStatuses.includes(app.status))
      throw conflict('Evidence can be added to a draft, or when staff ask for more information.')
    if (file) {
      const used = await applicationEvidenceUse(tx, app.id)
      const refusal = quotaRefusal(
        'this application',
        uploadQuotas.applicationEvidence,
        used,
        file.bytes.length,
      )
      if (refusal) return { ok: false as const, status: 413 as const, message: refusal }
    }
    const fileId = file ? await storeFile(tx, { ...file, uploadedBy: options.personId }) : null
    const [row] = await tx
      .insert(applicationEvidence)
      .values({
        applicationId: app.id,
        criterion: options.criterion,
        fileId,
        url: 'link' in evidence ? evidence.link : null,
      })
      .returning({ id: applicationEvidence.id })
    await tx.update(applications).set({ updatedAt: sql`hub_now()` }).where(eq(applications.id, app.id))
    return { ok: true as const, evidenceId: row?.id ?? '' }
  })
}

/**
 * Removes a piece of evidence (and its stored file) from the applicant's application: any in
 * a draft; when staff asked for more information, only what was added since, because what
 * they reviewed stays on record.
 */
export async function removeEvidence(
  db: Db,
  options: { applicationId: string; personId: string; evidenceId: string },
): Promise<void> {
  await writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (!evidenceStatuses.includes(app.status)) throw conflict('Evidence can be removed from a draft only.')
    const [item] = await tx
      .select({
        id: applicationEvidence.id,
        fileId: applicationEvidence.fileId,
        isLocked: sql<boolean>`coalesce(${applicationEvidence.createdAt} <= ${lockedBefore(app.id)}, false)`,
      })
      .from(applicationEvidence)
      .where(
        and(eq(applicationEvidence.id, options.evidenceId), eq(applicationEvidence.applicationId, app.id)),
      )
    if (!item) throw new AppError('NOT_FOUND', { userMessage: 'This evidence is not on the application.' })
    if (item.isLocked)
      throw conflict(
        'Staff have seen this evidence, so it stays on record. Add new evidence instead, and say in your answer what it replaces.',
      )
    await tx.delete(applicationEvidence).where(eq(applicationEvidence.id, item.id))
    if (item.fileId) await tx.delete(storedFiles).where(eq(storedFiles.id, item.fileId))
    await tx.update(applications).set({ updatedAt: sql`hub_now()` }).where(eq(applications.id, app.id))
  })
}
