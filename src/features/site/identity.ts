import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { settings as settingsTable, storedFiles } from '#src/db/schema/index.ts'
import { type FileKind, storeFile } from '#src/features/files/index.ts'
import { getSettings, putSetting } from '#src/features/settings/index.ts'
import type { Editor } from '#src/http/viewer.ts'

/** What staff set on /staff/settings/site: the network's name, short name, one line and address. */
export const identityForm = z.object({
  siteName: z.string().trim().min(1, 'Write the network’s name.').max(120, 'Write at most 120 characters.'),
  siteShortName: z
    .string()
    .trim()
    .min(1, 'Write a short name (an acronym, for the header on phones and page titles).')
    .max(30, 'Write at most 30 characters.'),
  siteDescription: z.string().trim().max(200, 'Write at most 200 characters: one line.'),
  siteContactEmail: z
    .string()
    .trim()
    .max(200, 'Write at most 200 characters.')
    .refine(
      (v) => v === '' || z.string().email().safeParse(v).success,
      'Write an email address, like info@example.org, or leave it empty.',
    ),
})
export type IdentityValues = z.infer<typeof identityForm>

/** The logo's address: the file's id in it, so a new logo is a new URL and browsers may keep one for long. */
export const logoUrl = (fileId: string): string => `/site/logo?v=${fileId.slice(0, 8)}`

/** The network's identity as stored (defaults until staff set it). */
export async function getIdentity(db: DbOrTx) {
  const s = await getSettings(db)
  return {
    siteName: s.siteName,
    siteShortName: s.siteShortName,
    siteDescription: s.siteDescription,
    siteContactEmail: s.siteContactEmail,
    siteLogoFileId: s.siteLogoFileId,
  }
}

/** Saves the name, short name, description and contact address. */
export async function saveIdentity(db: Db, values: IdentityValues, actor: Actor): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    for (const key of Object.keys(values) as (keyof IdentityValues)[]) await putSetting(tx, key, values[key])
  })
}

/** Keeps a checked logo (PNG or JPEG) and makes it the network's; the previous one is deleted. */
export async function setLogo(
  db: Db,
  file: { name: string; kind: FileKind; bytes: Uint8Array },
  person: Editor,
): Promise<void> {
  await writeAs(db, person.actor, async (tx) => {
    const previous = (await getSettings(tx)).siteLogoFileId
    const id = await storeFile(tx, { ...file, uploadedBy: person.personId })
    await putSetting(tx, 'siteLogoFileId', id)
    if (previous) await tx.delete(storedFiles).where(eq(storedFiles.id, previous))
  })
}

/** Removes the logo: the header shows the name alone and the favicon is the Hub's own again. */
export async function removeLogo(db: Db, actor: Actor): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    const previous = (await getSettings(tx)).siteLogoFileId
    // Back to the default (no logo): the row goes, as a JSON null cannot be stored in a not-null column.
    await tx.delete(settingsTable).where(eq(settingsTable.key, 'siteLogoFileId'))
    if (previous) await tx.delete(storedFiles).where(eq(storedFiles.id, previous))
  })
}

/** The logo's bytes and stored content type, or undefined. */
export async function readLogo(db: DbOrTx) {
  const id = (await getSettings(db)).siteLogoFileId
  if (!id) return undefined
  const [row] = await db
    .select({ data: storedFiles.data, contentType: storedFiles.contentType, sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(eq(storedFiles.id, id))
  return row
}
