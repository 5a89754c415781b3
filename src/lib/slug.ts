/**
 * A URL-safe slug: lower-case ASCII letters and digits separated by single hyphens.
 * @example slugify('Greater Portland (Maine)') // 'greater-portland-maine'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The shape of a slug, as a pattern to build on (the tables' checks in SQL say the same). */
export const slugPattern = '[a-z0-9]+(?:-[a-z0-9]+)*'

const slugShape = new RegExp(`^${slugPattern}$`)
const slugPathShape = new RegExp(`^(?:/${slugPattern})+$`)

/** Whether `text` is a slug: lower-case ASCII letters and digits joined by single hyphens. */
export const isSlug = (text: string): boolean => slugShape.test(text)

/** Whether `path` is slugs after slashes, like /about/advisory-board (a page's address). */
export const isSlugPath = (path: string): boolean => slugPathShape.test(path)
