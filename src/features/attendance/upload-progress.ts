import { clientScript } from '#src/http/client-script.ts'

/** The small browser script that shows the progress of a report upload. */
export const uploadScript = clientScript(
  new URL('./upload-progress.client.js', import.meta.url),
  '/assets/attendance-upload.js',
)
