/** The kinds of result a search can be narrowed to, in the order the filters list them. */
export const searchKinds = ['page', 'news', 'briefing', 'resource', 'presentation', 'organization'] as const
export type SearchKind = (typeof searchKinds)[number]

/** What each kind is called on the page (plural, for the filters; singular, on a result). */
export const kindLabels: Record<SearchKind, { one: string; many: string }> = {
  page: { one: 'Page', many: 'Pages' },
  news: { one: 'News', many: 'News' },
  briefing: { one: 'Briefing', many: 'Briefings' },
  resource: { one: 'Resource', many: 'Resources' },
  presentation: { one: 'Presentation', many: 'Presentations' },
  organization: { one: 'Organisation', many: 'Organisations' },
}
