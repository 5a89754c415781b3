import type { BodyLimit, BodyLimitTable } from './body-limit.ts'

const KB = 1024
const MB = 1024 * KB

/** One stored file (20 MB, MAX_FILE_BYTES in features/files) with room for the form's other fields. */
export const UPLOAD_BODY_BYTES = 20 * MB + MB + 64 * KB

const upload: BodyLimit = { maxBytes: UPLOAD_BODY_BYTES, label: '20 MB a file', noun: 'upload' }
/**
 * Forms whose fields may hold long text at their own limits, percent-encoded (up to 9 bytes a
 * character): 500 partner names of 200 characters, an agenda and notes of 10,000 each, a
 * comment of 2,000 per criterion, a region's counties.
 */
const longForm: BodyLimit = { maxBytes: MB, label: '1 MB', noun: 'form' }
/** Every other form: far more than any of them needs (sign-in, seats, votes, the roll call). */
const form: BodyLimit = { maxBytes: 64 * KB, label: '64 KB', noun: 'form' }

/**
 * How large each route's request body may be: the one place to look. Every other route gets
 * 64 KB, far more than any of its forms needs (sign-in, seats, votes, the roll call).
 */
export const routeBodyLimits: BodyLimitTable = {
  rules: [
    { method: 'POST', path: '/staff/calls/:date/attendance/imports', ...upload },
    { method: 'POST', path: '/applications/:id/evidence', ...upload },
    // Remove belongs to the draft form, which may carry a chosen file.
    { method: 'POST', path: '/applications/:id/evidence/:evidenceId/delete', ...upload },
    // A spreadsheet of past attendance: 10 MB (MAX_HISTORY_BYTES) and the form's token.
    {
      method: 'POST',
      path: '/staff/attendance/history',
      maxBytes: 10 * MB + 64 * KB,
      label: '10 MB',
      noun: 'upload',
    },
    // A sheet of a year's outcome figures: 10 MB, as for past attendance, and the form's token.
    {
      method: 'POST',
      path: '/staff/outcomes/import',
      maxBytes: 10 * MB + 64 * KB,
      label: '10 MB',
      noun: 'upload',
    },
    // An outcome report: its evidence file, a narrative of 5,000 characters and a note of 2,000 per figure.
    { method: 'POST', path: '/outcomes/reports/:id', ...upload },
    // A comment per figure, or the figures and notes of a correction.
    { method: 'POST', path: '/outcomes/reports/:id/return', ...longForm },
    { method: 'POST', path: '/outcomes/reports/:id/correct', ...longForm },
    // A Grants.gov extract (.xml or .zip), streamed to a temporary file as it arrives (about 200 MB unpacked).
    {
      method: 'POST',
      path: '/staff/funding/uploads',
      maxBytes: 512 * MB,
      label: '512 MB',
      noun: 'extract',
      raw: true,
    },
    // A WordPress export, streamed to a temporary file as it arrives (exports run to hundreds of MB).
    {
      method: 'POST',
      path: '/staff/wordpress/uploads',
      maxBytes: 256 * MB,
      label: '256 MB',
      noun: 'export',
      raw: true,
    },
    { method: 'POST', path: '/organizations/:slug/sharing', ...upload },
    { method: 'POST', path: '/staff/news/new', ...upload },
    { method: 'POST', path: '/staff/news/:id/edit', ...upload },
    { method: 'POST', path: '/staff/library/new', ...upload },
    // A plain form under the address the next rule would take for an item's.
    { method: 'POST', path: '/staff/library/contributors', ...form },
    { method: 'POST', path: '/staff/library/:id', ...upload },
    { method: 'POST', path: '/library/contribute', ...upload },
    { method: 'POST', path: '/library/contribute/:id', ...upload },
    { method: 'POST', path: '/presentations/:year/:slug/edit', ...upload },
    { method: 'POST', path: '/staff/settings/site/logo', ...upload },
    // A page's Markdown (100,000 characters at most) with its other fields; the preview too.
    { method: 'POST', path: '/staff/pages/:id', ...longForm },
    { method: 'POST', path: '/applications/:id', ...longForm },
    { method: 'POST', path: '/organizations/:slug/edit', ...longForm },
    { method: 'POST', path: '/organizations/:slug/region', ...longForm },
    { method: 'POST', path: '/staff/calls/new', ...longForm },
    { method: 'POST', path: '/staff/calls/:date/edit', ...longForm },
    { method: 'POST', path: '/staff/applications/:id/review', ...longForm },
    { method: 'POST', path: '/staff/announcements/*', ...longForm },
    // The largest valid profile update (500 partners of 200 characters) is far smaller.
    { path: '/api/*', maxBytes: 512 * KB, label: '512 KB', noun: 'request body' },
  ],
  fallback: form,
}
