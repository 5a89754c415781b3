/** The archive fields of a given presentation: what staff and the organisation's seat holders edit. */
import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { presentations, storedFiles } from '#src/db/schema/index.ts'
import { type FileKind, storeFile } from '#src/features/files/index.ts'
import { multiLine, singleLine, wordList } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'

export type ArchiveFormValues = {
  title: string
  summary: string
  topics: string
  recordingUrl: string
  visibility: string
}
export type ArchiveField = keyof ArchiveFormValues | 'slides'
export type ArchiveErrors = Partial<Record<ArchiveField | 'form', string>>

/** The kinds slides may be. */
export const slideKinds: readonly FileKind[] = ['pdf', 'ppt', 'pptx']

export const archiveForm = z.object({
  title: singleLine('title').trim().max(200, 'Write the title in at most 200 characters.'),
  summary: multiLine('summary').trim().max(4000, 'Write the summary in at most 4,000 characters.'),
  topics: wordList('topics', { entries: 20, characters: 60 }),
  recordingUrl: singleLine('recording link')
    .trim()
    .refine(
      (u) => u === '' || (u.length <= 2000 && isWebAddress(u, 'https only')),
      'Enter the web address of the recording, starting with https://, or leave it empty.',
    ),
  visibility: z.enum(['public', 'members'], { message: 'Choose who can see this presentation.' }),
})

export type ArchiveValue = z.output<typeof archiveForm>

/** Saves the archive fields, and new slides (which replace the old ones) when given. */
export async function saveArchive(
  db: Db,
  actor: Actor,
  options: {
    id: string
    value: ArchiveValue
    slides?: { name: string; kind: FileKind; bytes: Uint8Array }
    uploadedBy: string | null
  },
): Promise<void> {
  const { value } = options
  await writeAs(db, actor, async (tx) => {
    const [before] = await tx
      .select({ slidesFileId: presentations.slidesFileId })
      .from(presentations)
      .where(eq(presentations.id, options.id))
      .for('update')
    const slidesFileId = options.slides
      ? await storeFile(tx, { ...options.slides, uploadedBy: options.uploadedBy })
      : undefined
    await tx
      .update(presentations)
      .set({
        title: value.title || null,
        summary: value.summary,
        topics: value.topics,
        recordingUrl: value.recordingUrl || null,
        visibility: value.visibility,
        ...(slidesFileId ? { slidesFileId } : {}),
      })
      .where(eq(presentations.id, options.id))
    if (slidesFileId && before?.slidesFileId)
      await tx.delete(storedFiles).where(sql`${storedFiles.id} = ${before.slidesFileId}`)
  })
}
