/** The grants feature's public face: federal funding opportunities from the Grants.gov extract. */

export { type DailyFetchRun, runDailyFetch, runDailyFetchLogged } from './daily-fetch.ts'
export { ExtractSyntaxError, readExtract } from './extract-reader.ts'
export { extractSource, MAX_EXTRACT_BYTES } from './extract-source.ts'
export { grantsFetchScheduleFromEnv } from './fetch-schedule.ts'
export { type FundingDigestRun, runFundingDigest, runFundingDigestLogged } from './funding-digest.ts'
export { grantRoutes } from './grants.routes.tsx'
export { extractDateOf, type GrantImportBy, type GrantImportResult, importExtract } from './import-extract.ts'
export { apiOpportunitySchema, opportunitiesApi } from './opportunities.api.ts'
export { knownElements, type Opportunity, OpportunityProblem, toOpportunity } from './opportunity.ts'
export { type Pin, pinsOn } from './pins.ts'
export { PinnedFunding } from './pins.views.tsx'
