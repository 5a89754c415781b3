import { Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import type { OrganizationRef } from './organization-ref.ts'

/** The answer to a seat change after which the person who made it no longer manages the seats. */
export function SeatChangeDonePage(props: { org: OrganizationRef; message: string; isListed: boolean }) {
  return (
    <Layout title={`Seats of ${props.org.name}`}>
      <div class="wrap">
        <h1>Seats of {props.org.name}</h1>
        <Flash>{props.message}</Flash>
        <p class="lede">
          You no longer hold the representative seat, so the seats of {props.org.name} are now managed by its
          new representative and by staff.
        </p>
        <p>
          {props.isListed ? (
            <>
              <a href={`/organizations/${props.org.slug}`}>Public profile of {props.org.name}</a> ·{' '}
            </>
          ) : null}
          <a href="/account">Your account</a>
        </p>
      </div>
    </Layout>
  )
}
