/** An item's attachments: the item's room checked, then a PDF's text read for search, then stored; removed. */
import { and, eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
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
/** A checked file with the text read from it for search; `textRead` is null for a file that is no PDF. */
export type ReadyFile = CheckedFile & { text: string; textRead: boolean | null }

/** Refuses (QuotaExceeded) a file of `size` bytes the item has no room for; holds the item's files' lock. */
async function checkRoom(tx: Tx, itemId: string, size: number): Promise<void> {
  const refusal = quotaRefusal(
    'one library item',
    itemAttachmentQuota,
    await libraryItemUse(tx, itemId),
    size,
  )
  if (refusal) throw new QuotaExceeded(refusal)
}

/**
 * A checked file made ready to attach: refused at once (QuotaExceeded) when the item has no
 * room for it, before anything slow; only then a PDF's text read (bounded, up to 10 s, outside
 * any transaction). A new item (no `itemId`) has room for its first file.
 */
export async function prepareAttachment(
  db: Db,
  file: CheckedFile,
  options: { itemId?: string; readPdfText?: typeof extractPdfText } = {},
): Promise<ReadyFile> {
  const { itemId } = options
  if (itemId) await db.transaction((tx) => checkRoom(tx, itemId, file.bytes.length))
  const extracted = file.kind === 'pdf' ? await (options.readPdfText ?? extractPdfText)(file.bytes) : null
  return { ...file, text: extracted?.ok ? extracted.text : '', textRead: extracted ? extracted.ok : null }
}

/** Attaches a ready file inside the caller's transaction, its room checked again under the item's lock. */
export async function attachFile(
  tx: Tx,
  options: { itemId: string; file: ReadyFile; uploadedBy: string | null },
): Promise<string> {
  const { itemId, file } = options
  await checkRoom(tx, itemId, file.bytes.length)
  const id = await storeFile(tx, {
    name: file.name,
    kind: file.kind,
    bytes: file.bytes,
    uploadedBy: options.uploadedBy,
  })
  await tx.insert(briefingAttachments).values({
    briefingId: itemId,
    fileId: id,
    position: sql`(select coalesce(max(position), -1) + 1 from briefing_attachments
      where briefing_id = ${itemId}::uuid)`,
    extractedText: file.text,
  })
  return id
}

/**
 * Adds a checked file to an item: its room checked first, then a PDF's text read, then the
 * file stored. `textRead` says whether any text was found. QuotaExceeded over the item's limit.
 */
export async function addAttachment(
  db: Db,
  actor: Actor,
  options: {
    itemId: string
    file: CheckedFile
    uploadedBy: string | null
    readPdfText?: typeof extractPdfText
  },
): Promise<{ fileId: string; textRead: boolean | null }> {
  const file = await prepareAttachment(db, options.file, options)
  const fileId = await writeAs(db, actor, (tx) => attachFile(tx, { ...options, file }))
  return { fileId, textRead: file.textRead }
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
