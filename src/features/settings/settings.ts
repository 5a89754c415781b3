import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import { settings as settingsTable } from '#src/db/schema/index.ts'
import { NETWORK_TIME_ZONE } from '#src/lib/clock.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { isClockTime, isValidTimeZone } from '#src/lib/time-zone.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { defaultChrome } from '#src/ui/site-chrome.ts'
import { dialInProblem, joinUrlProblem } from './join-rules.ts'

/** Every setting with its default (DOMAIN.md, "Rules where the sources are silent"). */
export const settingsSchema = z.object({
  callWeekday: z.number().int().min(1).max(7).default(1),
  callStartTime: z.string().refine(isClockTime, 'a time as HH:MM').default('13:00'),
  callTimeZone: z.string().refine(isValidTimeZone, 'an IANA time zone').default(NETWORK_TIME_ZONE),
  callDurationMinutes: z.number().int().min(5).max(240).default(30),
  cancelCallsOnFederalHolidays: z.boolean().default(true),
  /** How members join the calls (an https address, '' for none), unless a call has its own. Members only. */
  callJoinUrl: z
    .string()
    .refine((v) => joinUrlProblem(v) === undefined, 'an https:// address or nothing')
    .default(''),
  /** The dial-in numbers and passcode of the calls (plain text), unless a call has its own. Members only. */
  callDialIn: z
    .string()
    .refine((v) => dialInProblem(v) === undefined, 'plain text')
    .default(''),
  /** A seat holder counts as present from this many minutes on a call. */
  minimumAttendanceMinutes: z.number().int().min(1).max(240).default(10),
  /** Share of the calls held that an organisation must attend. */
  requiredAttendanceShare: z.number().min(0).max(1).default(0.5),
  /**
   * The first day of the network's records (YYYY-MM-DD): years and quarters before it show "no
   * records". Null: the first call with any attendance.
   */
  recordsBeginOn: z.string().refine(isIsoDate, 'a date as YYYY-MM-DD').nullable().default(null),
  /** An organisation admitted on or after this day of the year (MM-DD) owes no presentation that year. */
  presentationAdmissionCutoff: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year as MM-DD')
    .default('10-01'),
  presentationMinMinutes: z.number().int().min(1).default(10),
  presentationMaxMinutes: z.number().int().min(1).default(15),
  /** Share of the Advisory Board that must vote for a decision to count. */
  boardQuorumShare: z.number().min(0).max(1).default(0.5),
  /** BFF applications skip staff review and go straight to the board. */
  bffSkipsStaffReview: z.boolean().default(true),
  /** The network's identity (the header, titles, emails, feeds, the footer): neutral until staff name it. */
  siteName: z.string().min(1).max(120).default(defaultChrome.name),
  siteShortName: z.string().min(1).max(30).default(defaultChrome.shortName),
  siteDescription: z.string().max(200).default(defaultChrome.description),
  /** The address people write to ('' when none is shown). */
  siteContactEmail: z.string().max(200).default(''),
  /** The stored file of the logo (PNG or JPEG), or null. */
  siteLogoFileId: z.string().uuid().nullable().default(null),
  /** The score an opportunity needs to count as fitting an organisation (the sum of its rules' weights). */
  grantsMatchThreshold: z.number().int().min(1).max(100).default(4),
  /** Where the Hub fetches the daily Grants.gov extract ('' : never; the Hub may have no internet). */
  grantsFetchUrl: z
    .string()
    .max(500)
    .refine((v) => v === '' || isWebAddress(v, 'https only'), 'an https:// address or nothing')
    .default(''),
})

export type Settings = z.infer<typeof settingsSchema>
export type SettingKey = keyof Settings

export const defaultSettings: Settings = settingsSchema.parse({})

/** The settings in force: stored overrides on top of the defaults. */
export async function getSettings(db: DbOrTx): Promise<Settings> {
  const rows = await db.select().from(settingsTable)
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]))
  return settingsSchema.parse({ ...defaultSettings, ...stored })
}

/**
 * Writes one setting (checked by its form first), inside the caller's transaction. Null is kept as
 * a JSON null (the column is not null), which reads back as null: the setting's "none".
 */
export async function putSetting(tx: DbOrTx, key: keyof Settings, given: unknown): Promise<void> {
  const value = given === null ? sql`'null'::jsonb` : given
  await tx
    .insert(settingsTable)
    .values({ key, value })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value, updatedAt: sql`hub_now()` } })
}
