/**
 * The first segments of an address the Hub's own routes answer: a top-level imported page may not
 * take one. A copy of the pages feature's `reservedSegments` (tests/integration/wordpress-import
 * checks they are equal), so that `hub wordpress import` does not load the whole pages feature
 * and its views (57 MB of RSS) for one list.
 */
export const reservedSegments: ReadonlySet<string> = new Set(
  [
    'account announcements api applications apply assets board briefings calendar calls digest directory',
    'favicon.ico favicon.png favicon.svg feeds files forgot-password healthz home invitations library map',
    'news organizations presentations reminders reset-password robots.txt search sign-in sign-out sign-up',
    'site sitemap.xml staff unsubscribe wp-admin wp-content',
  ]
    .join(' ')
    .split(' '),
)
