import { clientScript } from '#src/http/client-script.ts'

/** The upload page's script: the export sent as it is read, with its progress (src/ui/file-upload.client.js). */
export const uploadScript = clientScript(
  new URL('../../ui/file-upload.client.js', import.meta.url),
  '/assets/wordpress-upload.js',
)
