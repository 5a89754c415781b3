/** The site feature's face for commands: old addresses recorded by an import, without the pages. */
export { recordRedirects } from './redirects.ts'
