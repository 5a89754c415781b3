/** The wordpress feature's public face: what other features and the app may use. */
export type { ImportSummary } from './import-summary.ts'
export { summaryText } from './import-summary.ts'
export { type ImportInput, type ImportProgress, importWordpress } from './import-wordpress.ts'
export { wordpressRoutes } from './wordpress.routes.tsx'
export { WxrFormatError, WxrSyntaxError } from './wxr-types.ts'
