/** The map feature's public face: what other features and the app may use. */
export {
  countyName,
  isCountyFips,
  isStateCode,
  stateCodeForFips,
  stateFips,
  stateName,
  usStates,
} from './states.ts'
export { type MapRegion, renderUsMap } from './us-map.ts'
