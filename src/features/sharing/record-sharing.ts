import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { sharingAttestations, sharingBriefings } from '#src/db/schema/index.ts'
import {
  type FileKind,
  QuotaExceeded,
  quotaRefusal,
  sharingEvidenceUse,
  storeFile,
  uploadQuotas,
} from '#src/features/files/index.ts'
import type { SharingValue } from './sharing-form.ts'

/**
 * Records a sharing action with the briefings it passed on and its evidence file, in one
 * transaction recorded against `actor`. Returns the new record's id.
 */
export async function recordSharing(
  db: Db,
  actor: Actor,
  options: {
    organizationId: string
    recordedBy: string
    value: SharingValue
    file?: { name: string; kind: FileKind; bytes: Uint8Array }
  },
): Promise<string> {
  const { value } = options
  return writeAs(db, actor, async (tx) => {
    if (options.file) {
      const used = await sharingEvidenceUse(tx, options.organizationId, value.sharedOn)
      const refusal = quotaRefusal(
        'one quarter of sharing records',
        uploadQuotas.sharingEvidence,
        used,
        options.file.bytes.length,
      )
      if (refusal) throw new QuotaExceeded(refusal)
    }
    const evidenceFileId = options.file
      ? await storeFile(tx, { ...options.file, uploadedBy: options.recordedBy })
      : null
    const [row] = await tx
      .insert(sharingAttestations)
      .values({
        organizationId: options.organizationId,
        sharedOn: value.sharedOn,
        audience: value.audience,
        channel: value.channel,
        description: value.description,
        evidenceUrl: value.evidenceUrl,
        evidenceFileId,
        recordedBy: options.recordedBy,
      })
      .returning({ id: sharingAttestations.id })
    if (!row) throw new Error('the sharing record was not stored')
    if (value.briefingIds.length > 0)
      await tx
        .insert(sharingBriefings)
        .values(value.briefingIds.map((briefingId) => ({ sharingId: row.id, briefingId })))
    return row.id
  })
}
