/**
 * The grants feature's face for commands: reading and importing an extract, without the pages, so
 * that `hub grants import` does not load the web app (about 100 MB of RSS less; docs/performance.md).
 */
export { ExtractSyntaxError } from './extract-reader.ts'
export { extractSource, MAX_EXTRACT_BYTES } from './extract-source.ts'
export { type GrantImportResult, importExtract } from './import-extract.ts'
export { OpportunityProblem } from './opportunity.ts'
