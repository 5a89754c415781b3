/** Where a presentation stands (its stored status read with its call), and the limits of its forms. */
import type { CallStatus, PresentationStatus } from '#src/db/schema/index.ts'
import type { Settings } from '#src/features/settings/index.ts'

/** The longest presentation title, in characters. */
export const TITLE_MAX = 200
/** The longest length staff can record, in minutes: a call lasts 30; this leaves room for a long one. */
export const MINUTES_MAX = 120

export const yearOf = (date: string): number => Number(date.slice(0, 4))

/** The years an organisation can ask for a month in, and staff can plan: this one and the next. */
export const plannableYears = (today: string): [number, number] => [yearOf(today), yearOf(today) + 1]

/** Whether a recorded length is outside what a presentation should last (10 to 15 minutes by default). */
export const isLengthWarning = (
  minutes: number | null,
  settings: Pick<Settings, 'presentationMinMinutes' | 'presentationMaxMinutes'>,
): boolean =>
  minutes !== null && (minutes < settings.presentationMinMinutes || minutes > settings.presentationMaxMinutes)

/** Where a presentation stands, as people read it (the stored status with its call). */
export type SlotState =
  /** No row, or asked for a month and not planned yet. */
  | 'none'
  | 'requested'
  /** On an upcoming call. */
  | 'planned'
  /** Its call is over and nobody has recorded the outcome yet. */
  | 'awaiting'
  /** Planned on a call that was cancelled or deleted: it needs a new slot. */
  | 'orphaned'
  | 'given'
  | 'missed'

export type SlotCall = { id: string; date: string; status: CallStatus }

export function slotState(
  presentation: { status: PresentationStatus; requestedMonth: number | null } | null,
  call: SlotCall | null,
  today: string,
): SlotState {
  if (!presentation) return 'none'
  switch (presentation.status) {
    case 'given':
    case 'missed':
      return presentation.status
    case 'planned':
      if (!call || call.status === 'cancelled') return 'orphaned'
      return call.date < today ? 'awaiting' : 'planned'
    default:
      return presentation.requestedMonth === null ? 'none' : 'requested'
  }
}
