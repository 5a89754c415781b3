/** The settings feature's public face: what other features and the app may use. */
export { getSettings, type Settings } from './settings.ts'
