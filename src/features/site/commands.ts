/** The site feature's face for commands: the rule of old addresses, without the pages. */
export { oldAddressSpellings } from './redirects.ts'
