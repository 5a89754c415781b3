/** The demo feature's public face: what other features and the app may use. */
export { DEMO_PASSWORD, ensureDemoAccounts } from './demo-accounts.ts'
export { loadDemo } from './load-demo.ts'
