import { memberCriteria } from '#src/db/schema/index.ts'
import { countyName, stateName } from '#src/features/map/index.ts'
import { bffKindLabels, categoryLabels } from '#src/features/organizations/index.ts'
import { formatDate, formatNumber, plural } from '#src/ui/format.ts'
import { criterionLabels, staffEventLabels, staffStatusLabels, verdictLabels } from './labels.ts'
import { formatSize, Lines, OutsideLink, When } from './review-parts.views.tsx'
import type { ApplicationDetail } from './types.ts'

// The application as staff and the board read it: its facts, evidence, verdicts and history.

export function ProfileFacts(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  const counties = app.counties.map((fips) => {
    const county = countyName(fips)
    return county ? `${county.name}, ${county.state}` : fips
  })
  return (
    <dl class="facts">
      <dt>Category</dt>
      <dd>{categoryLabels[app.category]}</dd>
      <dt>Applicant</dt>
      <dd>
        {app.applicant.name} (<a href={`mailto:${app.applicant.email}`}>{app.applicant.email}</a>)
      </dd>
      <dt>Submitted</dt>
      <dd>
        <When iso={app.submittedAt} timeZone={props.timeZone} />
      </dd>
      {app.category === 'member' ? (
        <>
          <dt>Review round</dt>
          <dd>{app.round}</dd>
        </>
      ) : null}
      <dt>Status</dt>
      <dd>{staffStatusLabels[app.status]}</dd>
      {app.shortName ? (
        <>
          <dt>Short name</dt>
          <dd>{app.shortName}</dd>
        </>
      ) : null}
      {app.category === 'member' ? (
        <>
          <dt>Lead organisation</dt>
          <dd>{app.leadOrganization ?? 'Not given'}</dd>
        </>
      ) : null}
      {app.category === 'bff' ? (
        <>
          <dt>Kind</dt>
          <dd>{app.bffKind ? bffKindLabels[app.bffKind] : 'Not given'}</dd>
          <dt>Open-source value</dt>
          <dd>{app.openSourceValue ? <Lines text={app.openSourceValue} /> : 'Not given'}</dd>
        </>
      ) : null}
      <dt>Website</dt>
      <dd>{app.website ? <OutsideLink url={app.website} /> : 'Not given'}</dd>
      <dt>Summary</dt>
      <dd>{app.summary ? <Lines text={app.summary} /> : 'Not given'}</dd>
      <dt>{plural(app.states.length, 'State')}</dt>
      <dd>{app.states.length > 0 ? app.states.map((s) => stateName(s) ?? s).join(', ') : 'None given'}</dd>
      <dt>{plural(counties.length, 'County', 'Counties')}</dt>
      <dd>{counties.length > 0 ? counties.join('; ') : 'None given'}</dd>
      <dt>Focus industries</dt>
      <dd>{app.focusIndustries.length > 0 ? app.focusIndustries.join(', ') : 'None given'}</dd>
      <dt>Designations</dt>
      <dd>
        {app.designations.length > 0 ? (
          <ul>
            {app.designations.map((d) => (
              <li>
                {d.program || 'Unnamed program'}: {d.kind || 'designated'}
                {/^\d{4}-\d{2}-\d{2}$/.test(d.date)
                  ? ` on ${formatDate(d.date)}`
                  : d.date
                    ? ` on ${d.date}`
                    : ''}
              </li>
            ))}
          </ul>
        ) : (
          'None given'
        )}
      </dd>
      <dt>Partner organisations</dt>
      <dd>
        {app.partners.length > 0 ? (
          <>
            {formatNumber(app.partners.length)} {plural(app.partners.length, 'partner')}:
            <ul>
              {app.partners.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </>
        ) : (
          'None listed'
        )}
      </dd>
    </dl>
  )
}

export function ApplicationEvidence(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  if (app.category !== 'member') return null
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence for the four criteria</h2>
      <div class="grid-2">
        {memberCriteria.map((criterion) => {
          const items = app.evidence.filter((e) => e.criterion === criterion)
          return (
            <div class="card">
              <h3>{criterionLabels[criterion]}</h3>
              {items.length === 0 ? (
                <p>No evidence given.</p>
              ) : (
                <ul>
                  {items.map((e) => (
                    <li>
                      {e.file ? (
                        <>
                          <a href={`/files/${e.file.id}`}>{e.file.name}</a> ({e.file.contentType},{' '}
                          {formatSize(e.file.size)})
                        </>
                      ) : e.url ? (
                        <OutsideLink url={e.url} />
                      ) : null}
                      {e.note ? (
                        <>
                          {' '}
                          <span class="note">
                            <Lines text={e.note} />
                          </span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )
        })}
      </div>
    </section>
  )
}

export function VerdictsByRound(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  if (app.category !== 'member') return null
  const rounds = [...new Set(app.reviews.map((r) => r.round))].sort((a, b) => a - b)
  return (
    <section aria-labelledby="verdicts-heading">
      <h2 id="verdicts-heading">Staff verdicts</h2>
      {rounds.length === 0 ? <p>No verdicts recorded yet.</p> : null}
      {rounds.map((round) => (
        <div class="table-wrap">
          <table>
            <caption>Round {round}</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Verdict</th>
                <th scope="col">Comment</th>
                <th scope="col">Reviewer</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {app.reviews
                .filter((r) => r.round === round)
                .map((r) => (
                  <tr>
                    <th scope="row">{criterionLabels[r.criterion]}</th>
                    <td>{verdictLabels[r.verdict]}</td>
                    <td>{r.comment ? <Lines text={r.comment} /> : ''}</td>
                    <td>{r.reviewerName}</td>
                    <td>
                      <When iso={r.createdAt} timeZone={props.timeZone} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}

export function ApplicationHistory(props: { app: ApplicationDetail; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {props.app.events.length === 0 ? <p>Nothing recorded yet.</p> : null}
      <ol class="timeline">
        {props.app.events.map((e) => (
          <li>
            <When iso={e.createdAt} timeZone={props.timeZone} />
            <strong>{staffEventLabels[e.kind]}</strong>
            {e.round > 0 ? ` (round ${e.round})` : ''}
            {e.actorName ? ` by ${e.actorName}` : ''}
            {e.comment ? (
              <p>
                <Lines text={e.comment} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
