/** The settings feature's public face: what other features and the app may use. */

export {
  dialInProblem,
  type JoinDetails,
  joinDefaultsForm,
  joinDetailsOf,
  joinFields,
  joinUrlProblem,
  saveJoinDefaults,
} from './join-details.ts'
export { getSettings, putSetting, type Settings } from './settings.ts'
