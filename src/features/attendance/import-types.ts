/** What an attendance import is, as the services give it and the pages show it. */
import type { Actor } from '#src/db/actor.ts'
import type { ImportStatus, MatchMethod, ReportFormat } from '#src/db/schema/index.ts'
import type { HeldSeat } from './matching.ts'

/** The call an import is for, as the pages show it. */
export type ImportCall = {
  id: string
  localDate: string
  startTime: string
  timeZone: string
  startsAt: string
  durationMinutes: number
  status: 'scheduled' | 'cancelled'
}

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
  /** Set when the report's times are all on another day than the call's: perhaps the wrong report. */
  dateWarning: string | null
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

/** A participant as stored with its import, before its person's name, seats and count are added. */
export type StoredRow = Omit<ImportRow, 'personName' | 'seats' | 'counts' | 'reason'>
