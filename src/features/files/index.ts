/** The files feature's public face: what other features and the app may use. */
export { fileRoutes } from './files.routes.tsx'
export {
  acceptAttribute,
  acceptedKindsText,
  attachmentDisposition,
  checkUpload,
  displayName,
  downloadHeaders,
  type FileKind,
  formatFileSize,
  formatMegabytes,
  getStoredFile,
  storeFile,
} from './files.ts'
export { checkImageUpload, type ImageUpload } from './image-upload.ts'
export {
  applicationEvidenceUse,
  libraryItemUse,
  QuotaExceeded,
  quotaRefusal,
  sharingEvidenceUse,
  uploadQuotas,
} from './quota.ts'
