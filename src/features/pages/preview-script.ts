import { clientScript } from '#src/http/client-script.ts'

/** The editor's live preview as staff type (preview.client.js); the Preview button works without it. */
export const previewScript = clientScript(
  new URL('./preview.client.js', import.meta.url),
  '/assets/page-preview.js',
)
