/** Words the library's pages share. */
import type { LibraryKind, LibraryStatus } from '#src/db/schema/index.ts'

export const kindLabels: Record<LibraryKind, string> = { briefing: 'Briefing', resource: 'Resource' }
export const kindPlurals: Record<LibraryKind, string> = { briefing: 'Briefings', resource: 'Resources' }
export const visibilityLabels = { public: 'Public', members: 'Members and BFFs only' } as const
export const statusLabels: Record<LibraryStatus, string> = {
  draft: 'Draft (not published)',
  pending: 'Waiting for staff approval',
  published: 'Published',
}
