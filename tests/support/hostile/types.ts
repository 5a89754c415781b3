import type { Db } from '../../../src/db/client.ts'

/** One state-changing route's entry in the hostile-input suite (tests/integration/hostile-input.test.ts). */
export type Ctx = { tokenId: string; next: () => number }
export type Sample = { path: string; fields: Record<string, string> }

export type FreeTextField = {
  /** The 400 answer to an over-long value names the field with this message. */
  tooLong: string
  /** What the database holds for this field after a save (one item per stored value). */
  readBack: (db: Db, sent: Record<string, string>) => Promise<string[]>
}

export type Entry = {
  /** A request that the route accepts from our own page. */
  sample: (ctx: Ctx) => Sample
  /** Fields a person types free text into, which the route stores (exercised as staff). */
  freeText?: Record<string, FreeTextField>
  /** Pages that show what was saved, which must render it as text. */
  shownAt?: (sent: Record<string, string>) => string[]
}
