/**
 * The wordpress feature's face for commands: `hub wordpress import` reads and writes an export
 * without loading the pages (the web app is about 100 MB of RSS the import never uses).
 */
export type { ImportSummary } from './import-summary.ts'
export { summaryText } from './import-summary.ts'
export { type ImportInput, type ImportProgress, importWordpress } from './import-wordpress.ts'
export { WxrFormatError, WxrSyntaxError } from './wxr-types.ts'
