/** The organizations feature's public face: what other features and the app may use. */
export { directoryFiltersSchema, listAdmittedOrganizations, type OrganizationSummary } from './directory.ts'
export { organizationEditRoutes } from './edit.routes.tsx'
export {
  type EditableField,
  editableFields,
  getEditableOrganization,
  type OrganizationEditForm,
  parseOrganizationEdit,
  profileLimits,
  splitLines,
  toEditForm,
  updateOrganizationProfile,
} from './edit.ts'
export { bffKindLabels, categoryLabels } from './labels.ts'
export { getNetworkFigures, type NetworkFigures } from './network-figures.ts'
export { organizationPages } from './organizations.routes.tsx'
export { getOrganizationProfile } from './profile.ts'
export { organizationRegionRoutes } from './region.routes.tsx'
export { countyLabel, RegionPicker, regionMapSvg } from './region-picker.tsx'
