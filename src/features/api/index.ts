/** The api feature's public face: what other features and the app may use. */
export { applicationsApi } from './applications.api.ts'
export { openApiDocument } from './openapi.ts'
export { organizationsApi } from './organizations.api.ts'
