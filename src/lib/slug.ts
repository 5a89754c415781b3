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
