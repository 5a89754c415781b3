import { clientScript } from '#src/http/client-script.ts'

/** The extract upload's script: the file sent as it is read, with its progress (src/ui/file-upload.client.js). */
export const extractUploadScript = clientScript(
  new URL('../../ui/file-upload.client.js', import.meta.url),
  '/assets/funding-upload.js',
)
