/**
 * The staff forms of the calls, one zod schema each: what staff typed, checked field by field
 * (the pages show each message by its field; the services check again).
 */
import { z } from 'zod'
import { joinFields } from '#src/features/settings/index.ts'
import { checkForm, type FormResult } from '#src/http/form.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { isUuid } from '#src/lib/ids.ts'
import { isPlainText, isSingleLine, MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE } from '#src/lib/text.ts'
import { isClockTime } from '#src/lib/time-zone.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatNumber } from '#src/ui/format.ts'

export const callLimits = {
  reason: 500,
  title: 200,
  agenda: 10_000,
  notes: 10_000,
  recordingUrl: 2_000,
} as const

const tooLong = (what: string, max: number, length: number): string =>
  `Write ${what} in at most ${formatNumber(max)} characters (this one has ${formatNumber(length)}).`

/** Textareas post CRLF line ends: keep plain LF. */
const plainLf = (text: string) => text.replace(/\r\n?/g, '\n')

/** A posted field: absent reads as empty, spaces around it go, then `clean` (if any). */
const posted = (clean: (text: string) => string = (text) => text) =>
  z
    .string()
    .optional()
    .transform((typed) => clean((typed ?? '').trim()))

/** A check that adds `problem`'s message when it has one. */
const problemCheck =
  (problem: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
    const message = problem(value)
    if (message) ctx.addIssue({ code: 'custom', message })
  }

const atMost = (what: string, max: number) =>
  problemCheck((value) => (value.length > max ? tooLong(what, max, value.length) : undefined))

const dateField = posted().pipe(
  z.string().refine(isIsoDate, 'Enter a date such as 2026-12-08 (year, month, day).'),
)
const startTimeField = posted().pipe(
  z.string().refine(isClockTime, 'Enter a start time such as 13:00 (24-hour clock, hours and minutes).'),
)

const titleField = (isRequired: boolean) =>
  posted().pipe(
    z
      .string()
      .refine(
        (title) => !isRequired || title !== '',
        'Give the extra call a title, such as “Budget briefing”.',
      )
      .refine(isSingleLine, `The title ${SINGLE_LINE_MESSAGE}.`)
      .superRefine(atMost('the title', callLimits.title)),
  )

/** A multi-line field: line breaks kept (as LF), other control characters refused, at most `max` characters. */
const textField = (name: string, max: number) =>
  posted(plainLf).pipe(
    z
      .string()
      .refine(isPlainText, `The ${name} ${MULTI_LINE_MESSAGE}.`)
      .superRefine(atMost(`the ${name}`, max)),
  )

const urlProblem = (url: string): string | undefined => {
  if (url === '') return undefined
  if (url.length > callLimits.recordingUrl)
    return `Use a web address of at most ${formatNumber(callLimits.recordingUrl)} characters (this one has ${formatNumber(url.length)}).`
  if (!isWebAddress(url))
    return 'Enter the web address of the recording, starting with https:// (or http://).'
  return undefined
}

export const cancelCallForm = z.object({
  reason: posted(plainLf).pipe(
    z
      .string()
      .min(1, 'Give the reason members will see, such as “Staff retreat” or “Federal holiday”.')
      .refine(isPlainText, `The reason ${MULTI_LINE_MESSAGE}.`)
      .superRefine(atMost('the reason', callLimits.reason)),
  ),
})

export const moveCallForm = z.object({ date: dateField, startTime: startTimeField })

const LENGTH_MESSAGE = 'Enter the length in minutes, a whole number from 5 to 240.'

/** The extra call form: an empty length is the usual one from the settings. */
export const newCallForm = (defaults: { durationMinutes: number }) =>
  z.object({
    date: dateField,
    startTime: startTimeField,
    durationMinutes: posted().pipe(
      z
        .string()
        .regex(/^(\d{1,3})?$/, LENGTH_MESSAGE)
        .transform((minutes) => (minutes === '' ? defaults.durationMinutes : Number(minutes)))
        .pipe(z.number().min(5, LENGTH_MESSAGE).max(240, LENGTH_MESSAGE)),
    ),
    title: titleField(true),
    /** Why a call is added after its day (required then, checked against today by the service). */
    addedReason: textField('reason', callLimits.reason),
  })

/** The edit form's text fields; the ticked briefings (a repeated field) are `briefingIdsField`. */
export const editCallForm = z.object({
  title: titleField(false),
  agenda: textField('agenda', callLimits.agenda),
  notes: textField('notes', callLimits.notes),
  recordingUrl: posted().pipe(z.string().superRefine(problemCheck(urlProblem))),
  /** Empty: the series default. */
  joinUrl: joinFields.joinUrl,
  dialIn: joinFields.dialIn,
})

export const briefingIdsField = z
  .array(z.string())
  .transform((ids) => [...new Set(ids.map((id) => id.trim()))])
  .refine((ids) => ids.every(isUuid), 'Tick briefings from the list.')

export type CancelForm = z.output<typeof cancelCallForm>
export type MoveForm = z.output<typeof moveCallForm>
export type NewCallForm = z.output<ReturnType<typeof newCallForm>>
export type EditForm = z.output<typeof editCallForm> & { briefingIds: string[] }

/** A form's checked values, or each field's message (what was typed stays with the page). */
export type FormCheck<V, K extends string> =
  | { ok: true; value: V }
  | { ok: false; errors: Partial<Record<K, string>> }

const withoutFields = <V, K extends string>(form: FormResult<V, K>): FormCheck<V, K> =>
  form.ok ? { ok: true, value: form.value } : { ok: false, errors: form.errors as Partial<Record<K, string>> }

export const checkCancelForm = (fields: Record<string, string>) =>
  withoutFields(checkForm(cancelCallForm, fields))

export const checkMoveForm = (fields: Record<string, string>) =>
  withoutFields(checkForm(moveCallForm, fields))

export const checkNewCallForm = (fields: Record<string, string>, defaults: { durationMinutes: number }) =>
  withoutFields(checkForm(newCallForm(defaults), fields))

export function checkEditForm(
  fields: Record<string, string>,
  briefingIds: string[],
): FormCheck<EditForm, keyof EditForm> {
  const texts = checkForm(editCallForm, fields)
  const ticked = briefingIdsField.safeParse(briefingIds)
  if (texts.ok && ticked.success) return { ok: true, value: { ...texts.value, briefingIds: ticked.data } }
  return {
    ok: false,
    errors: {
      ...(texts.ok ? {} : texts.errors),
      ...(ticked.success ? {} : { briefingIds: ticked.error.issues[0]?.message }),
    } as Partial<Record<keyof EditForm, string>>,
  }
}
