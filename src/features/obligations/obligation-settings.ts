/**
 * The two settings that decide what a year owes (edges.ts): the day the network's records begin
 * and the presentation's admission cut-off. Staff change them on /staff/settings/obligations.
 */
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { putSetting } from '#src/features/settings/index.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { formatDate, monthNames } from '#src/ui/format.ts'

export type ObligationSettingsValues = { recordsBeginOn: string; cutoffMonth: string; cutoffDay: string }

// A non-leap year: 29 February is refused, as the cut-off must exist in every year.
const dayExists = (month: number, day: number) =>
  isIsoDate(`2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)

/** The earliest day records may begin: the first IMCP designations were in 2014. */
const EARLIEST_RECORDS = '2000-01-01'

/** A whole number typed in digits only (no 0x0a, 1e1 or 10.0), from `min` to `max`. */
const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,2}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message))

/** The form, checked against today (records cannot begin after it). Empty date: the first attended call. */
export const obligationSettingsForm = (today: string) =>
  z
    .object({
      recordsBeginOn: z
        .string()
        .optional()
        .transform((v) => (v ?? '').trim())
        .refine(
          (v) => v === '' || isIsoDate(v),
          'Enter the date records begin as a real date, such as 2024-03-01.',
        )
        .refine(
          (v) => v === '' || v >= EARLIEST_RECORDS,
          `Records cannot begin before ${formatDate(EARLIEST_RECORDS)}, years before the first designations: check the year.`,
        )
        .refine(
          (v) => v === '' || v <= today,
          `Records cannot begin after today (${formatDate(today)}): choose today or an earlier date.`,
        ),
      cutoffMonth: wholeNumber('Choose the month of the cut-off.', 1, 12),
      cutoffDay: wholeNumber('Enter the day of the cut-off as a number from 1 to 31.', 1, 31),
    })
    .superRefine((v, ctx) => {
      if (!dayExists(v.cutoffMonth, v.cutoffDay))
        ctx.addIssue({
          code: 'custom',
          path: ['cutoffDay'],
          message: `${monthNames[v.cutoffMonth - 1]} has no day ${v.cutoffDay} in every year: choose a day it always has.`,
        })
    })

/** The cut-off as the setting stores it ('10-01') and as the form shows it. */
export const cutoffSetting = (month: number, day: number) =>
  `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
export const cutoffFields = (setting: string) => ({
  cutoffMonth: String(Number(setting.slice(0, 2))),
  cutoffDay: String(Number(setting.slice(3, 5))),
})

/** '10-01' -> 'October 1' */
export const cutoffText = (setting: string) =>
  `${monthNames[Number(setting.slice(0, 2)) - 1]} ${Number(setting.slice(3, 5))}`

/** Saves both settings in one audited transaction (checked by obligationSettingsForm first). */
export async function saveObligationSettings(
  db: Db,
  actor: Actor,
  values: { recordsBeginOn: string | null; presentationAdmissionCutoff: string },
): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    await putSetting(tx, 'recordsBeginOn', values.recordsBeginOn)
    await putSetting(tx, 'presentationAdmissionCutoff', values.presentationAdmissionCutoff)
  })
}

export const describeRecordsBegin = (begins: string) =>
  `Before ${formatDate(begins)} the obligations pages, their CSV download, the compliance report of the hub command and the reminders show “No records”, never “Not compliant”.`

export const describeCutoff = (setting: string) =>
  `An organisation admitted on or after ${cutoffText(setting)} owes no presentation in the year it joins; one admitted before owes it that year.`
