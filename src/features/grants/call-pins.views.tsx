import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { Pin } from './pins.ts'
import { PinnedFunding } from './pins.views.tsx'

/** /calls/:date/funding: the funding opportunities staff pinned to one call. */
export function CallPinsPage(props: { date: string; pins: Pin[]; canSeeMembers: boolean }) {
  return (
    <Layout title={`Funding pinned to the call of ${formatDate(props.date)}`} current="/calls">
      <div class="wrap">
        <p>
          <a href={`/calls/${props.date}`}>← The call of {formatDate(props.date)}</a>
        </p>
        <h1>Funding pinned to the call of {formatDate(props.date)}</h1>
        {props.pins.length === 0 ? (
          <p>No funding opportunity is pinned to this call.</p>
        ) : (
          <PinnedFunding pins={props.pins} canSeeMembers={props.canSeeMembers} />
        )}
      </div>
    </Layout>
  )
}
