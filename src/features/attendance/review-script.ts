import { clientScript } from '#src/http/client-script.ts'

/** The small browser script of the review form's keyboard flow. */
export const reviewScript = clientScript(
  new URL('./review-keys.client.js', import.meta.url),
  '/assets/attendance-review.js',
)
