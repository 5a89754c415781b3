import type { SeatRole } from '#src/db/schema/index.ts'

type Addressee = { personId: string; subject: string }
type ToSeatHolder = Addressee & { role: SeatRole; organizationId: string; year: number }

/** One reminder for one person; `subject` names what it is about (the unique key with kind and person). */
export type DueReminder =
  | (Addressee & { kind: 'call_tomorrow'; callId: string; callDate: string })
  | (ToSeatHolder & { kind: 'at_risk'; reasons: string[] })
  | (ToSeatHolder & { kind: 'sharing_due'; quarter: 1 | 2 | 3 | 4; endsOn: string })
  | (ToSeatHolder & { kind: 'presentation_unplanned'; requestedMonth: number | null })
