/** The grants feature's public face: federal funding opportunities from the Grants.gov extract. */
export { ExtractSyntaxError, readExtract } from './extract-reader.ts'
export { knownElements, type Opportunity, OpportunityProblem, toOpportunity } from './opportunity.ts'
