import { reservedSegments } from '#src/lib/reserved-paths.ts'

/** Whether a top-level page may have this slug. */
export const isReservedSlug = (slug: string): boolean => reservedSegments.has(slug)
