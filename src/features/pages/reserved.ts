import { reservedSegments } from '#src/lib/reserved-paths.ts'

export { reservedSegments }

/** Whether a top-level page may have this slug. */
export const isReservedSlug = (slug: string): boolean => reservedSegments.has(slug)
