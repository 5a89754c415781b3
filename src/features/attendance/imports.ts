/**
 * Attendance imports: a Zoom, Teams or Meet report for one call is parsed, matched to
 * people, previewed, then committed in one transaction; it can be undone as a whole.
 * The same file for the same call is committed once; a second report merges.
 */
import type { Actor } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import type { ImportStatus, MatchMethod, ReportFormat, SeatRole } from '#src/db/schema/index.ts'

/** The call an import is for, as the pages show it. */
export type ImportCall = {
  id: string
  localDate: string
  startTime: string
  timeZone: string
  startsAt: string
  durationMinutes: number
  status: 'scheduled' | 'held' | 'cancelled'
}

/** A seat a person held on the call's date, in an organisation admitted that day. */
export type HeldSeat = { organizationId: string; organizationName: string; slug: string; role: SeatRole }

/** One participant of a report, matched or not, and whether it counts for an organisation. */
export type ImportRow = {
  position: number
  name: string
  rawName: string
  email: string | null
  seconds: number
  firstJoin: string | null
  lastLeave: string | null
  personId: string | null
  personName: string | null
  /** How the person was found; null: unmatched (on the review list). */
  match: MatchMethod | null
  /** The seats the person held on the call's date (usually none or one). */
  seats: HeldSeat[]
  /** Counts for an organisation: a seat holder of the day at or above the minimum minutes. */
  counts: boolean
  /** Why it does not count, in words ('Not matched to anyone yet', 'Guest', 'Below the 10-minute minimum'…); null when it counts. */
  reason: string | null
}

export type ImportSummary = {
  participants: number
  matched: number
  unmatched: number
  guests: number
  /** Rows that count for an organisation. */
  counting: number
  /** Distinct organisations that these rows count for. */
  organizations: number
}

export type ImportView = {
  id: string
  call: ImportCall
  format: ReportFormat
  fileId: string
  fileName: string
  size: number
  sha256: string
  status: ImportStatus
  via: 'web' | 'cli'
  createdBy: string | null
  createdAt: string
  committedBy: string | null
  committedAt: string | null
  undoneBy: string | null
  undoneAt: string | null
  minimumMinutes: number
  rows: ImportRow[]
  summary: ImportSummary
}

/** What starting an import did: a new preview, or nothing because this file is already committed for this call. */
export type StartedImport =
  | { kind: 'preview'; importId: string }
  | { kind: 'unchanged'; importId: string; committedAt: string }

export type ImportListItem = Pick<
  ImportView,
  | 'id'
  | 'format'
  | 'fileName'
  | 'status'
  | 'via'
  | 'createdBy'
  | 'createdAt'
  | 'committedAt'
  | 'undoneAt'
  | 'summary'
>

/** The person doing the work: their people.id (null from the command line) and the audit actor. */
export type ImportBy = { personId: string | null; actor: Actor }

export declare function findCallByDate(db: DbOrTx, localDate: string): Promise<ImportCall | undefined>
export declare function findCallById(db: DbOrTx, id: string): Promise<ImportCall | undefined>

/**
 * Parses and matches a report without writing anything (the `--dry-run` of the command line).
 * Throws AttendanceParseError (from ./parse) when the file is not a report it knows.
 */
export declare function dryRunImport(
  db: DbOrTx,
  input: {
    call: ImportCall
    fileName: string
    bytes: Uint8Array
    onProgress?: (done: number, total: number) => void
  },
): Promise<Omit<ImportView, 'id' | 'fileId' | 'createdAt' | 'createdBy' | 'via'>>

/** Parses, matches and stores a preview with its source file; 'unchanged' when this file is already committed for the call. */
export declare function startImport(
  db: Db,
  input: {
    call: ImportCall
    fileName: string
    bytes: Uint8Array
    via: 'web' | 'cli'
    by: ImportBy
    onProgress?: (done: number, total: number) => void
  },
): Promise<StartedImport>

export declare function getImport(db: DbOrTx, importId: string): Promise<ImportView | undefined>
export declare function listImports(db: DbOrTx, callId: string): Promise<ImportListItem[]>

/**
 * Staff match one participant by hand: to a person (the name, and the email if any, are
 * remembered as aliases for later imports) or as a guest. On a committed import the
 * call's attendance changes in the same transaction.
 */
export declare function resolveParticipant(
  db: Db,
  input: { importId: string; position: number; personId: string | 'guest'; by: ImportBy },
): Promise<void>

/** Commits a preview in one transaction: 'unchanged' when the same file was committed for this call meanwhile. */
export declare function commitImport(
  db: Db,
  input: { importId: string; by: ImportBy },
): Promise<'committed' | 'unchanged'>

/** Undoes a committed import as a whole: its attendance is removed, the record and file stay. */
export declare function undoImport(db: Db, input: { importId: string; by: ImportBy }): Promise<void>

/** Drops a preview that was never committed, with its stored file. */
export declare function discardImport(db: Db, input: { importId: string; by: ImportBy }): Promise<void>

/** People staff can pick when matching by hand: seat holders on the date first, then everyone else. */
export declare function matchCandidates(
  db: DbOrTx,
  onDate: string,
): Promise<{ id: string; fullName: string; email: string; seatLabel: string | null }[]>
