/** An item's attachments: added under the item's quota (with the text of a PDF for search), removed. */
import { and, eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { briefingAttachments, storedFiles } from '#src/db/schema/index.ts'
import {
  type FileKind,
  libraryItemUse,
  QuotaExceeded,
  quotaRefusal,
  storeFile,
  uploadQuotas,
} from '#src/features/files/index.ts'
import { extractPdfText } from './extract-pdf-text.ts'

/** How many files, and how many bytes in all, one library item may hold (the rule is in files/quota.ts). */
export const itemAttachmentQuota = uploadQuotas.libraryItem

export type CheckedFile = { name: string; kind: FileKind; bytes: Uint8Array }

/**
 * Adds a checked file to an item. A PDF's text is read first (bounded; outside the transaction);
 * `textRead` says whether any was found. Refused with QuotaExceeded over the item's limit.
 */
export async function addAttachment(
  db: Db,
  actor: Actor,
  options: { itemId: string; file: CheckedFile; uploadedBy: string | null },
): Promise<{ fileId: string; textRead: boolean | null }> {
  const { file } = options
  const extracted = file.kind === 'pdf' ? await extractPdfText(file.bytes) : null
  const text = extracted?.ok ? extracted.text : ''
  const fileId = await writeAs(db, actor, async (tx) => {
    const use = await libraryItemUse(tx, options.itemId)
    const refusal = quotaRefusal('one library item', itemAttachmentQuota, use, file.bytes.length)
    if (refusal) throw new QuotaExceeded(refusal)
    const id = await storeFile(tx, { ...file, uploadedBy: options.uploadedBy })
    await tx.insert(briefingAttachments).values({
      briefingId: options.itemId,
      fileId: id,
      position: sql`(select coalesce(max(position), -1) + 1 from briefing_attachments
        where briefing_id = ${options.itemId}::uuid)`,
      extractedText: text,
    })
    return id
  })
  return { fileId, textRead: extracted ? extracted.ok : null }
}

/** Removes an attachment and its stored file. */
export async function removeAttachment(
  db: Db,
  actor: Actor,
  itemId: string,
  fileId: string,
): Promise<boolean> {
  return writeAs(db, actor, async (tx) => {
    const removed = await tx
      .delete(briefingAttachments)
      .where(and(eq(briefingAttachments.briefingId, itemId), eq(briefingAttachments.fileId, fileId)))
      .returning({ fileId: briefingAttachments.fileId })
    if (removed.length === 0) return false
    await tx.delete(storedFiles).where(eq(storedFiles.id, fileId))
    return true
  })
}
