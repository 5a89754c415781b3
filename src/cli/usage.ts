/**
 * What `hub --help` prints: every command, its flags and its `--json` shape. Admins script
 * against these, so a change here is a change of contract.
 */
export const usage = `Usage: hub <command> [options]

Commands:
  serve            Start the Hub (migrates the database; loads the demo network into an empty one)
  migrate          Apply pending database migrations
  demo             Load the demo network into an empty database
  export           Print the whole network on stdout as NDJSON: a header, one line per row, stored
                   files in base64 chunks, a closing line with row counts and SHA-256 checksums
  import FILE      Load an export (FILE, or - for stdin) into an empty database, in one transaction;
                   the file is checked whole before any database is touched (refused: status 2)
  attendance parse FILE --call-date YYYY-MM-DD [--time-zone ZONE] [--json]
                   Read a Zoom, Teams or Google Meet attendance report and print who attended
                   (time zone of the call, default America/New_York; writes nothing)
  attendance import FILE --call YYYY-MM-DD [--dry-run] [--json]
                   Import a report for the call on that date: match participants to people,
                   commit in one transaction (the same file twice changes nothing); --dry-run
                   shows the preview and writes nothing. Unmatched participants are matched
                   by hand on the call's attendance page.
  wordpress import FILE.xml [--dry-run] [--json]
                   Import a WordPress export (WXR 1.0-1.2, WordPress.com or self-hosted): posts
                   become news, pages become pages (parents and order kept), old permalinks
                   redirect to their new address. The whole file is checked first (a malformed
                   one is refused with its line and column: status 2, nothing written), then
                   written in one transaction; the same file twice changes nothing. Progress on
                   stderr. --dry-run writes nothing. JSON: {file, site, wxrVersion, dryRun,
                   result: imported|unchanged|dry-run, importId, sha256, bytes, items,
                   posts: {created, updated, unchanged, skipped}, pages: {... , movedToTop},
                   categories: {total, carried}, tags: {total, carried}, authors: {matched,
                   kept}, comments: {skipped}, attachments: {listed, fetched, keptAsLinks,
                   links: [{postId, url}]}, redirects: {created, unchanged},
                   skipped: [{postId, type, reason}], warnings: [...]}
  compliance --year YYYY [--today YYYY-MM-DD] [--json]
                   Each organisation admitted in that year, by name: calls held, attended and
                   remaining, calls still needed, presentation, quarterly sharing and status,
                   as of today (--today: as of another date, for tests and "what if"). JSON:
                   [{organizationId, name, category, callsHeld, callsAttended, callsRemaining,
                   needed, presentation: {status: given|planned|missed|requested|none, required,
                   callDate, minutes, lengthWarning, month}, sharingQuarters: [{quarter, status:
                   done|due|missed|not_required}], status: compliant|on_track|at_risk|not_compliant}]
  attendance history-import FILE [--commit] [--json]
                   Past attendance from a CSV or .xlsx spreadsheet (one row per call and
                   organisation or person; at most 10 MB and 50,000 rows): a preview by default,
                   --commit writes it in one transaction (the same file is committed once). Status
                   2 when the file cannot be read or has rows with problems (nothing written).
                   JSON: {importId, status, rows, written, alreadyPresent, problems: [{row, message}]}
  calls backfill --from YYYY-MM-DD [--json]
                   Create the weekly calls from that day up to today that are not there yet
                   (observed federal holidays cancelled, as the forward series does), in one
                   transaction; running it twice creates nothing. Prints how many were
                   created, already there, and cancelled for a holiday. JSON: {from, to,
                   created, existing, cancelledHolidays}

  report --year YYYY --pdf FILE [--json]
                   The year's annual report (the page /impact/report/YYYY) printed to a PDF
                   by Chromium (/usr/bin/chromium, or CHROMIUM_PATH; without it: status 1
                   and how to install it). The Hub runs in this process on a loopback port
                   while Chromium prints; nothing is written. JSON: {year, file, pages}

  grants import FILE [--json]
                   Import a Grants.gov extract (GrantsDBExtractYYYYMMDDv2.xml, or the .zip it comes
                   in), streamed, in one transaction, with progress on stderr: the latest version of
                   each opportunity is kept and an older extract never overwrites a newer one; the
                   same extract twice changes nothing. A damaged file is refused with its line and
                   column (status 2, nothing written). JSON: {importId, fileName, extractDate, sha256,
                   bytes, records, added, updated, unchanged, closed, unknownElements}
  outcomes --year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD [--json]
                   The verified outcomes of reports whose period ends in the range (drafts,
                   submitted and returned reports never count): network totals per metric,
                   goals, and each organisation's figures. JSON: {period: {from, to}, metrics:
                   [{key, name, unit, sums, total, goal, towardGoal, organizations}],
                   byOrganization: [{id, slug, name, metrics: [{key, total, goal}], ...}], byYear,
                   byProgram, byFocusIndustry, byState}; unit usd amounts are whole cents

Options:
  -h, --help       Show this help

Environment:
  PORT             HTTP port (default 3000)
  DATA_DIR         Folder of the embedded database (default ./data)
  DATABASE_URL     postgres://... to use a PostgreSQL server instead of the embedded database
  NODE_ENV         production never loads demo data
  HUB_TODAY        YYYY-MM-DD: work as of that date (serve, demo, attendance import, compliance,
                   calls backfill)
  HUB_TIME_ZONE    the network's time zone, what "today" means (default America/New_York)
`
