/** What the seat pages share: the incomplete badge and where the organisation stands. */
import type { AdmissionEventKind, SeatRole } from '#src/db/schema/index.ts'
import { describedBy, FieldShell } from '#src/ui/fields.tsx'
import { formatDate } from '#src/ui/format.ts'
import { incompleteLabel } from './seat-status.ts'

/** The badge of an admitted organisation with a vacant seat: 'Incomplete: no representative'. */
export function IncompleteBadge(props: { vacant: readonly SeatRole[] }) {
  if (props.vacant.length === 0) return null
  return <span class="badge incomplete">{incompleteLabel(props.vacant)}</span>
}

export const stateLabels: Record<AdmissionEventKind, string> = {
  applied: 'Applied',
  admitted: 'Admitted',
  suspended: 'Suspended',
  reinstated: 'Reinstated',
  withdrawn: 'Withdrawn',
}

/** Where the organisation stands today and since when. */
export type AdmissionToday = { state: AdmissionEventKind | null; since: string | null }

/** One sentence on where the organisation stands today. */
export function stateSentence(state: AdmissionEventKind | null, since: string | null): string {
  const on = since ? formatDate(since) : ''
  switch (state) {
    case 'admitted':
      return `Admitted on ${on}: listed in the directory.`
    case 'reinstated':
      return `Reinstated on ${on}: listed in the directory.`
    case 'suspended':
      return `Suspended since ${on}: not listed in the directory.`
    case 'withdrawn':
      return `Withdrew on ${on}: not listed in the directory.`
    case 'applied':
      return `Applied on ${on}, not admitted yet.`
    default:
      return 'No admission on record.'
  }
}

/**
 * The date a seat or status change takes effect. Not the kernel's Field: pages and tests read its
 * attributes in this order (max before required).
 */
export function DateField(props: {
  id: string
  label: string
  value: string
  hint: string
  error?: string
  max?: string
}) {
  return (
    <FieldShell {...props} name="effectiveOn">
      <input
        id={props.id}
        name="effectiveOn"
        type="date"
        value={props.value}
        max={props.max}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props).ids}
      />
    </FieldShell>
  )
}
