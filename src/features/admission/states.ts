import type { AdmissionEventKind } from '#src/db/schema/index.ts'

/**
 * The one rule of admission on a date (DOMAIN.md): an organisation's state on date D is the kind
 * of its latest admission event on or before D, and it is a member (listed, holding obligations)
 * when that event admitted or reinstated it. Every feature asks here, in TypeScript or in SQL
 * (admission-sql.ts), never with its own list of states.
 */
export const ADMITTED_STATES = ['admitted', 'reinstated'] as const satisfies readonly AdmissionEventKind[]

/** Whether a state (the latest event's kind, null before the first) makes the organisation a member. */
export const isAdmittedState = (state: AdmissionEventKind | null | undefined): boolean =>
  (ADMITTED_STATES as readonly string[]).includes(state ?? '')

const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export type AdmissionEventRecord = { kind: AdmissionEventKind; effectiveOn: string }
export type AdmissionStep = { from: string; isAdmitted: boolean }

/** The admission history as steps: from each date on, admitted or not (last event of a date wins). */
export function admissionSteps(events: readonly AdmissionEventRecord[]): AdmissionStep[] {
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => compareDates(a.event.effectiveOn, b.event.effectiveOn) || a.index - b.index)
  const steps: AdmissionStep[] = []
  for (const { event } of ordered) {
    const isAdmitted = isAdmittedState(event.kind)
    const last = steps.at(-1)
    if (last && last.from === event.effectiveOn) last.isAdmitted = isAdmitted
    else steps.push({ from: event.effectiveOn, isAdmitted })
  }
  return steps
}

/** Admitted (or reinstated) on `date`: the latest step on or before it says so. */
export function isAdmittedOn(steps: readonly AdmissionStep[], date: string): boolean {
  let admitted = false
  for (const step of steps) {
    if (step.from > date) break
    admitted = step.isAdmitted
  }
  return admitted
}

/** Admitted on at least one day from `from` to `to` (both included). */
export function isAdmittedDuring(steps: readonly AdmissionStep[], from: string, to: string): boolean {
  return isAdmittedOn(steps, from) || steps.some((s) => s.isAdmitted && s.from > from && s.from <= to)
}
