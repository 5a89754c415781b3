import { librarySource } from './library.ts'
import { newsSource } from './news.ts'
import { organizationSource } from './organizations.ts'
import { pageSource } from './pages.ts'
import { presentationSource } from './presentations.ts'

export type { KindContext, SearchSource } from './kind.ts'

/** Every kind of searchable content, in the order the filters list them. */
export const searchSources = [pageSource, newsSource, librarySource, presentationSource, organizationSource]
