import type { Collected } from './collect.ts'
import type { Plan } from './plan.ts'

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
  /**
   * `movedToTop`: pages imported at the top level because their parent is not an imported page
   * of the file, is themselves, or is in a loop of parents.
   */
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
  /**
   * Old addresses: `skipped` (only there when there are some, so that the contract's earlier
   * readers see what they knew) counts those left alone, because the Hub answers them itself (its
   * routes and pages) or because they already go elsewhere by staff's or another import's redirect.
   */
  redirects: { created: number; unchanged: number; skipped?: number }
  /**
   * Only when the file has a menu of pages: the menu the navigation follows, how many top-level
   * pages it shows and how many are left out of it (plan-navigation.ts). Without a menu, every
   * top-level page is in the navigation and the field is not there.
   */
  navigation?: { menu: string; shown: number; left: number }
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
    `Pages: ${counts(s.pages)}${s.pages.movedToTop ? `; ${s.pages.movedToTop} at the top level (their parent not imported, themselves or in a loop)` : ''}.`,
    `Categories: ${s.categories.carried} of ${s.categories.total} carried; tags: ${s.tags.carried} of ${s.tags.total}.`,
    `Authors: ${s.authors.matched} matched to people, ${s.authors.kept} kept as names. Comments skipped: ${s.comments.skipped}.`,
    `Attachments: ${s.attachments.listed} listed, ${s.attachments.fetched} fetched, ${s.attachments.keptAsLinks} kept as links.`,
    `Redirects: ${s.redirects.created} created, ${s.redirects.unchanged} unchanged${s.redirects.skipped ? `, ${s.redirects.skipped} skipped` : ''}.`,
    ...(s.navigation ? [navigationText(s.navigation)] : []),
    ...s.skipped.map((k) => `Skipped ${k.type} ${k.postId}: ${k.reason}`),
    ...s.warnings.map((w) => `Warning: ${w}`),
  ]
  return `${lines.join('\n')}\n`
}

/** How the navigation follows the file's menu, in a sentence (the terminal and the staff page). */
export function navigationText(n: NonNullable<ImportSummary['navigation']>): string {
  const pages = (count: number) => `${count} top-level ${count === 1 ? 'page' : 'pages'}`
  return `Navigation: it follows the site's menu “${n.menu}”: ${pages(n.shown)} in it, ${pages(n.left)} left out of it (staff can add them).`
}

type SummaryParts = {
  input: {
    fileName: string
    dryRun: boolean
    collected: Collected
    plan: Plan
    authorCounts: ImportSummary['authors']
  }
  importId: string | null
  posts: Counts
  pages: ImportSummary['pages']
  carried: { category: Set<string>; post_tag: Set<string> }
  redirects: ImportSummary['redirects']
  warnings: string[]
}

/** The summary of a pass over the file, from what the plan decided and the pass counted. */
export function summaryOf(parts: SummaryParts): ImportSummary {
  const { collected, plan } = parts.input
  const terms = (name: 'category' | 'post_tag') => ({
    total: collected.terms.get(name)?.size ?? 0,
    carried: parts.carried[name].size,
  })
  // Every attachment of the file, a repeated id included (the file's first one is the one its
  // [gallery] shortcodes show); a check remembered before this list existed has only the map.
  const attachments =
    collected.attachmentLinks ?? [...collected.attachments].map(([postId, url]) => ({ postId, url }))
  return {
    file: parts.input.fileName,
    site: plan.site,
    wxrVersion: collected.channel.wxrVersion,
    dryRun: parts.input.dryRun,
    result: parts.input.dryRun ? 'dry-run' : 'imported',
    importId: parts.importId,
    sha256: collected.sha256,
    bytes: collected.bytes,
    items: collected.items,
    posts: parts.posts,
    pages: parts.pages,
    categories: terms('category'),
    tags: terms('post_tag'),
    authors: parts.input.authorCounts,
    comments: { skipped: collected.comments },
    attachments: {
      listed: attachments.length,
      fetched: 0,
      keptAsLinks: attachments.length,
      links: attachments,
    },
    redirects: parts.redirects,
    ...(plan.navigation ? { navigation: plan.navigation } : {}),
    skipped: plan.skipped,
    warnings: parts.warnings,
  }
}
