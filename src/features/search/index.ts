/** The search feature's public face: what other features and the app may use. */
export { searchSources } from './kinds/index.ts'
export { searchRoutes } from './search.routes.tsx'
export { apiSearchAnswerSchema, apiSearchResultSchema } from './search.schemas.ts'
export { nextScheduledAtSql } from './search.ts'
export { searchKinds } from './search-kinds.ts'
