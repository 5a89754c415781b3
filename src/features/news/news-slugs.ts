import { slugify } from '#src/lib/slug.ts'

/** Words of /news/… that name something else than a post: a slug may not be one of them. */
const reserved = new Set(['category', 'tag', 'page', 'rss', 'atom', 'new'])

/** Whether a slug would be taken for a year archive or another page of /news. */
export const isReservedSlug = (slug: string): boolean => reserved.has(slug) || /^\d{4}$/.test(slug)

/**
 * The slug a title gives: its words in lower-case ASCII; 'post' when nothing is left of it (a title
 * in Arabic script), and never a word of /news itself.
 * @example slugFromTitle('AMP SoCal is redesignated') // 'amp-socal-is-redesignated'
 */
export function slugFromTitle(title: string): string {
  const slug = slugify(title).slice(0, 80).replace(/-+$/, '') || 'post'
  return isReservedSlug(slug) ? `news-${slug}` : slug
}

/** The first of `base`, `base-2`, `base-3`… that `taken` does not hold. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/** A category's or tag's address word: 'Press release' -> 'press-release'. */
export const termSlug = (term: string): string => slugify(term) || 'term'

/** Terms typed as a comma-separated list, trimmed, without empties or repeats (case aside). */
export function parseTerms(text: string): string[] {
  const seen = new Set<string>()
  const terms: string[] = []
  for (const raw of text.split(',')) {
    const term = raw.replace(/\s+/g, ' ').trim()
    if (term && !seen.has(term.toLowerCase())) {
      seen.add(term.toLowerCase())
      terms.push(term)
    }
  }
  return terms
}
