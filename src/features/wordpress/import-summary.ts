/**
 * What `hub wordpress import --json` prints and the staff page shows: a contract, kept stable
 * (docs/decisions/017-wordpress-import.md). Every item of the file is counted once: as a post,
 * a page, an attachment or in `skipped`.
 */
export type Counts = { created: number; updated: number; unchanged: number; skipped: number }

export type ImportSummary = {
  file: string
  site: string
  wxrVersion: string
  dryRun: boolean
  /** 'imported': written now; 'unchanged': nothing in the file differs from the Hub; 'dry-run': nothing written. */
  result: 'imported' | 'unchanged' | 'dry-run'
  /** The row in wordpress_imports (null when nothing was written). */
  importId: string | null
  sha256: string
  bytes: number
  /** Every item of the file: posts + pages + attachments + the other skipped. */
  items: number
  posts: Counts
  /** `movedToTop`: pages whose parent is not in the file, imported at the top level. */
  pages: Counts & { movedToTop: number }
  /** Distinct terms in the file; `carried` are on at least one imported post. */
  categories: { total: number; carried: number }
  tags: { total: number; carried: number }
  authors: { matched: number; kept: number }
  comments: { skipped: number }
  attachments: {
    listed: number
    fetched: number
    keptAsLinks: number
    links: { postId: number; url: string }[]
  }
  redirects: { created: number; unchanged: number }
  skipped: { postId: number; type: string; reason: string }[]
  warnings: string[]
}

export const zeroCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0 })

/** The summary in a few lines, for the terminal. */
export function summaryText(s: ImportSummary): string {
  const headline = {
    imported: 'Imported',
    unchanged: 'Already imported (nothing changed):',
    'dry-run': 'Dry run (nothing written):',
  }[s.result]
  const counts = (c: Counts) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`
  const lines = [
    `${headline} ${s.file} from ${s.site} (WXR ${s.wxrVersion}, ${s.items} items).`,
    `Posts: ${counts(s.posts)}.`,
    `Pages: ${counts(s.pages)}${s.pages.movedToTop ? `; ${s.pages.movedToTop} without their parent, at the top level` : ''}.`,
    `Categories: ${s.categories.carried} of ${s.categories.total} carried; tags: ${s.tags.carried} of ${s.tags.total}.`,
    `Authors: ${s.authors.matched} matched to people, ${s.authors.kept} kept as names. Comments skipped: ${s.comments.skipped}.`,
    `Attachments: ${s.attachments.listed} listed, ${s.attachments.fetched} fetched, ${s.attachments.keptAsLinks} kept as links.`,
    `Redirects: ${s.redirects.created} created, ${s.redirects.unchanged} unchanged.`,
    ...s.skipped.map((k) => `Skipped ${k.type} ${k.postId}: ${k.reason}`),
    ...s.warnings.map((w) => `Warning: ${w}`),
  ]
  return `${lines.join('\n')}\n`
}
