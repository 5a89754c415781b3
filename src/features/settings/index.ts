/** The settings feature's public face: what other features and the app may use. */

export {
  type JoinDetails,
  joinDefaultsForm,
  joinDetailsOf,
  joinFields,
  saveJoinDefaults,
} from './join-details.ts'
export { dialInProblem, joinUrlProblem } from './join-rules.ts'
export { getSettings, putSetting, type Settings } from './settings.ts'
