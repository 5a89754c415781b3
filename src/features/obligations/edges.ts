/**
 * The edges of a compliance year (DOMAIN.md, issue 13 "Fair status at the edges"): before the
 * network's records begin nothing can be judged ("no records"), and an organisation admitted
 * during the year owes only what it could have done since.
 *
 * - Records begin on a date (the setting recordsBeginOn, else the first call with any attendance):
 *   a year that ends before it has no records; calls before it do not count; a quarter that
 *   started before it is "no records" unless it has a sharing record.
 * - The presentation is due in a year only if the organisation was admitted on some day before
 *   the cut-off (the setting presentationAdmissionCutoff, MM-DD, 1 October by default) and on or
 *   after the day records begin; a slot is expected by 31 March, or for an organisation admitted
 *   later, within SLOT_GRACE_DAYS of its admission.
 * - Sharing is due for a quarter only if the organisation was admitted on its first day: from the
 *   first full quarter after admission.
 */
import { type AdmissionStep, isAdmittedDuring, isAdmittedOn } from '#src/features/admission/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { PRESENTATION_SLOT_DEADLINE } from './status.ts'

/** Days an organisation admitted after 31 March has to plan its presentation before it is "behind". */
export const SLOT_GRACE_DAYS = 60

const yearText = (year: number): string => String(year).padStart(4, '0')

/** The day the network's records begin: the setting, else the first attended call, else today. */
export function recordsBeginOn(
  setting: string | null,
  firstAttendedCallOn: string | null,
  today: string,
): string {
  return setting ?? firstAttendedCallOn ?? today
}

/** Whether the whole year ends before the records begin. */
export const isBeforeRecords = (year: number, begins: string): boolean => `${yearText(year)}-12-31` < begins

/** The first day of the year from which the organisation's obligations can be judged. */
export function judgedFrom(year: number, begins: string): string {
  const first = `${yearText(year)}-01-01`
  return begins > first ? begins : first
}

/**
 * The first day in [from, to] on which the organisation is admitted, or null. Steps are in date
 * order, so it is `from` itself or the first admitting step after it.
 */
export function firstAdmittedDay(steps: readonly AdmissionStep[], from: string, to: string): string | null {
  if (isAdmittedOn(steps, from)) return from
  return steps.find((s) => s.isAdmitted && s.from > from && s.from <= to)?.from ?? null
}

/** Whether the year's presentation is due: admitted on some judged day before the cut-off. */
export function isPresentationDue(
  steps: readonly AdmissionStep[],
  year: number,
  begins: string,
  cutoff: string,
): boolean {
  const from = judgedFrom(year, begins)
  const lastDay = addDays(`${yearText(year)}-${cutoff}`, -1)
  return from <= lastDay && isAdmittedDuring(steps, from, lastDay)
}

/** The day after which a due presentation without a slot puts the organisation at risk. */
export function presentationSlotDeadline(
  steps: readonly AdmissionStep[],
  year: number,
  begins: string,
): string {
  const march = `${yearText(year)}-${PRESENTATION_SLOT_DEADLINE}`
  const from = judgedFrom(year, begins)
  const admitted = firstAdmittedDay(steps, from, `${yearText(year)}-12-31`) ?? from
  const grace = addDays(admitted, SLOT_GRACE_DAYS)
  return grace > march ? grace : march
}
