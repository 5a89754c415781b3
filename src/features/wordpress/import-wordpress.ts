import { stat } from 'node:fs/promises'
import type { Actor } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { applyImport, type PreviewRow } from './apply-import.ts'
import { forgetCheck, recallCheck, rememberCheck } from './checked-files.ts'
import { collectWxr, type Progress } from './collect.ts'
import { loadExisting, peopleByEmail } from './existing.ts'
import type { ImportSummary } from './import-summary.ts'
import { cleanTitle } from './map-fields.ts'
import { planImport, siteOf } from './plan.ts'

export type ImportInput = {
  /** The WXR file on disk (an upload is streamed to a temporary file first). */
  file: string
  /** The name to record and report ('export.xml'). */
  fileName: string
  dryRun: boolean
  /** The network's zone: a post's local date is read in it when its GMT date is missing. */
  timeZone: string
  actor: Actor
  personId: string | null
  /** Told as the file is read: the first pass checks it, the second compares and writes. */
  progress?: (read: ImportProgress) => void
  onRow?: (row: PreviewRow) => void
}

export type ImportProgress = {
  phase: 'checking' | 'importing'
  items: number
  bytes: number
  totalBytes: number
}

/**
 * Imports a WordPress export: a first pass checks the whole file and plans every slug, parent
 * and redirect (a malformed file throws WxrSyntaxError before anything is written); a second
 * pass writes in one transaction, or only counts (`dryRun`). The same file twice writes nothing.
 * A preview's first pass is kept for the commit that follows (checked-files.ts).
 */
export async function importWordpress(db: Db, input: ImportInput): Promise<ImportSummary> {
  const totalBytes = (await stat(input.file)).size
  const tell =
    (phase: ImportProgress['phase']): Progress =>
    (read) =>
      input.progress?.({ phase, ...read, totalBytes })
  // A commit after its preview (the staff page, or hub wordpress import after --dry-run) uses what
  // the preview's first pass learned; the second pass still checks the file's SHA-256.
  const recalled = await recallCheck(input.file)
  const collected = recalled ?? (await collectWxr(input.file, tell('checking')))
  if (!recalled && input.dryRun) await rememberCheck(input.file, collected)
  const existing = await loadExisting(db, siteOf(collected))
  const plan = planImport(collected, existing)
  const found = await peopleByEmail(
    db,
    collected.authors.map((a) => a.email),
  )
  const authors = new Map<string, { personId: string | null; name: string }>()
  const authorCounts = { matched: 0, kept: 0 }
  for (const author of collected.authors) {
    if (authors.has(author.login)) continue
    const personId = found.get(author.email.trim().toLowerCase()) ?? null
    authors.set(author.login, { personId, name: cleanTitle(author.displayName) || author.login })
    authorCounts[personId ? 'matched' : 'kept'] += 1
  }
  // A post by a login the file does not define keeps that login as its author's name.
  for (const entry of collected.entries)
    if (entry.type === 'post' && entry.creator && !authors.has(entry.creator)) {
      authors.set(entry.creator, { personId: null, name: entry.creator })
      authorCounts.kept += 1
    }
  if (!input.dryRun) await forgetCheck(input.file)
  return applyImport(db, {
    ...input,
    progress: tell('importing'),
    collected,
    plan,
    existing,
    ctx: { timeZone: input.timeZone, attachments: collected.attachments, authors },
    authorCounts,
  })
}
