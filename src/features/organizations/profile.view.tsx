import { raw } from 'hono/html'
import { countyName, stateName } from '#src/features/map/index.ts'
import { FiguresTable } from '#src/features/outcomes/index.ts'
import { type ArchivedPresentation, archivePath } from '#src/features/presentations/index.ts'
import { IncompleteBadge } from '#src/features/seats/index.ts'
import { webHref } from '#src/lib/web-address.ts'
import { formatDate, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { bffKindLabels, categoryLabels } from './labels.ts'
import type { OrganizationProfile } from './profile.ts'
import { ReportedFacts } from './profile-facts.view.tsx'

export function ProfilePage(props: {
  org: OrganizationProfile
  /** Its archived presentations the viewer may see. */
  presentations?: ArchivedPresentation[]
  mapSvg: string | null
  hasDemoData: boolean
  /** Shown only to those who may edit it (never on the cached anonymous page). */
  canEdit?: boolean
  /** Staff: the way to fill or hand over the seats. */
  canManageSeats?: boolean
}) {
  const { org } = props
  const counties = org.counties.map((fips) => {
    const county = countyName(fips)
    return county ? `${county.name}, ${county.state}` : fips
  })
  const website = webHref(org.website)
  // A member's partner figures stand beside its partner list; everything else under Reported figures.
  const besidePartners = (topic: string) => org.category === 'member' && topic === 'partners'
  const partnerFacts = org.facts.filter((f) => besidePartners(f.topic))
  const otherFacts = org.facts.filter((f) => !besidePartners(f.topic))
  return (
    <Layout title={org.name} hasDemoData={props.hasDemoData} description={org.summary ?? undefined}>
      <div class="wrap">
        <p>
          <a href="/directory">← Directory</a>
        </p>
        <div class="profile-head">
          <h1>{org.name}</h1>
          <span class={org.category === 'bff' ? 'badge bff' : 'badge'}>{categoryLabels[org.category]}</span>
          {org.isFictional ? <span class="badge fictional">Fictional demo organisation</span> : null}
          {/* Internal: staff and the organisation itself (canEdit) see it, never the public. */}
          {props.canEdit ? <IncompleteBadge vacant={org.vacantSeats} /> : null}
        </div>
        {props.canEdit || props.canManageSeats ? (
          <p class="actions-row">
            {props.canEdit ? (
              <a class="button secondary" href={`/organizations/${org.slug}/edit`}>
                Edit this profile
              </a>
            ) : null}
            {props.canManageSeats ? (
              <a class="button secondary" href={`/organizations/${org.slug}/seats`}>
                Manage its seats
              </a>
            ) : null}
            {props.canManageSeats ? (
              <a class="button secondary" href={`/staff/outcomes/facts?organization=${org.slug}`}>
                Record reported facts
              </a>
            ) : null}
          </p>
        ) : null}
        {org.summary ? <p class="lede">{org.summary}</p> : null}
        <div class="two-col">
          <section aria-labelledby="facts-heading">
            <h2 id="facts-heading">At a glance</h2>
            <dl class="facts">
              {org.shortName ? (
                <>
                  <dt>Also known as</dt>
                  <dd>{org.shortName}</dd>
                </>
              ) : null}
              {org.leadOrganization ? (
                <>
                  <dt>Lead organisation</dt>
                  <dd>{org.leadOrganization}</dd>
                </>
              ) : null}
              {org.bffKind ? (
                <>
                  <dt>Kind</dt>
                  <dd>{bffKindLabels[org.bffKind]}</dd>
                </>
              ) : null}
              <dt>Member since</dt>
              <dd>{formatDate(org.admittedOn)}</dd>
              {org.states.length > 0 ? (
                <>
                  <dt>{plural(org.states.length, 'State')}</dt>
                  <dd>{org.states.map((s) => stateName(s) ?? s).join(', ')}</dd>
                </>
              ) : null}
              {org.category === 'member' ? (
                <>
                  <dt>Counties</dt>
                  <dd>{counties.length > 0 ? counties.join('; ') : 'Not on record'}</dd>
                </>
              ) : null}
              {org.focusIndustries.length > 0 ? (
                <>
                  <dt>Focus</dt>
                  <dd>{org.focusIndustries.join('; ')}</dd>
                </>
              ) : null}
              {website ? (
                <>
                  <dt>Website</dt>
                  <dd>
                    <a href={website} rel="nofollow noopener">
                      {website}
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          {props.mapSvg ? (
            <section aria-labelledby="region-heading">
              <h2 id="region-heading">Region</h2>
              <figure class="map-figure">
                {raw(props.mapSvg)}
                <figcaption>
                  {counties.length > 0
                    ? `${counties.length} ${plural(counties.length, 'county', 'counties')} highlighted.`
                    : 'Counties not on record: the whole state is shaded.'}
                </figcaption>
              </figure>
            </section>
          ) : null}
        </div>
        {org.category === 'member' ? (
          <section aria-labelledby="partners-heading">
            <h2 id="partners-heading">Partner organisations</h2>
            <p>
              {org.partners.length === 0
                ? 'No partner organisations on record yet.'
                : `${org.partners.length} partner ${plural(org.partners.length, 'organisation')} on record.`}
            </p>
            {org.partners.length > 0 ? (
              <ul>
                {org.partners.map((p) => {
                  const href = webHref(p.website)
                  return (
                    <li>
                      {href ? (
                        <a href={href} rel="nofollow noopener">
                          {p.name}
                        </a>
                      ) : (
                        p.name
                      )}
                    </li>
                  )
                })}
              </ul>
            ) : null}
            <ReportedFacts
              facts={partnerFacts}
              lead="Also reported, in documents (not part of this count or list):"
              beside
            />
          </section>
        ) : null}
        {org.designations.length > 0 ? (
          <section aria-labelledby="designations-heading">
            <h2 id="designations-heading">Designations</h2>
            <ol class="timeline">
              {org.designations.map((d) => (
                <li>
                  <time datetime={d.designatedOn}>{formatDate(d.designatedOn)}</time>
                  {d.kind === 'redesignated' ? 'Redesignated' : 'Designated'} under {d.programName} (
                  {d.programCode}){d.expiresOn ? `, until ${formatDate(d.expiresOn)}` : ''}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {org.category === 'member' ? (
          <section aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">Verified outcomes</h2>
            {org.outcomes.length === 0 ? <p>No verified outcome report yet.</p> : null}
            {org.outcomes.map((report, index) => (
              <FiguresTable
                id={`outcome-period-${index}`}
                caption={`${formatDate(report.periodStart)} to ${formatDate(report.periodEnd)}${
                  report.note ? ` · ${report.note}` : ''
                }${report.source ? ` · Source: ${report.source}` : ''}`}
                captionClass="note"
                headings={{ name: 'Outcome', figure: 'Reported' }}
                rows={report.figures.map((f) => ({
                  name: f.name,
                  unit: f.unit,
                  figure: f.actual,
                  goal: f.goal,
                }))}
              />
            ))}
          </section>
        ) : null}
        {otherFacts.length > 0 ? (
          <section aria-labelledby="reported-heading">
            <h2 id="reported-heading">Reported figures</h2>
            <ReportedFacts
              facts={otherFacts}
              lead="Figures quoted from documents, as reported: not verified by the network, and not counted in any total."
            />
          </section>
        ) : null}
        {props.presentations && props.presentations.length > 0 ? (
          <section aria-labelledby="presentations-heading">
            <h2 id="presentations-heading">Presentations on the national calls</h2>
            <ul>
              {props.presentations.map((p) => (
                <li>
                  <a href={archivePath(p)}>{p.title || `Presentation of ${p.year}`}</a>{' '}
                  <span class="note">({p.year})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  )
}
