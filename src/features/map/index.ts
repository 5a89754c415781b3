/** The map feature's public face: what other features and the app may use. */

export { type LinkedMap, renderLinkedUsMap, type SharedPlace } from './linked-map.ts'
export { buildShapesAsset, type ShapesAsset, shapesHash } from './shapes-asset.ts'
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
