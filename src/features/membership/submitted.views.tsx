import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { stateName } from '#src/features/map/index.ts'
import { bffKindLabels, countyLabel, regionMapSvg } from '#src/features/organizations/index.ts'
import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import type { ApplicationPageProps } from './application-page.views.tsx'
import { draftLimits, draftFieldLabels as fieldLabels } from './draft-fields.ts'
import { EvidenceSection } from './evidence.views.tsx'
import { criterionLabels, verdictLabels } from './labels.ts'
import type { ApplicationDetail } from './types.ts'

// An application once submitted, as its applicant sees it.

export function SubmittedView(props: ApplicationPageProps) {
  const { app } = props
  const needsInfo = app.status === 'needs_info'
  const evidence =
    app.category === 'member' ? (
      <EvidenceSection app={app} canChange={needsInfo} evidenceError={props.evidenceError} />
    ) : null
  return (
    <>
      {app.category === 'member' && app.latestReview ? (
        <StaffVerdicts app={app} timeZone={props.timeZone} />
      ) : null}
      {needsInfo ? (
        <>
          {evidence}
          <AnswerForm app={app} answer={props.answer} />
          <SentDetails app={app} />
        </>
      ) : (
        <>
          <SentDetails app={app} />
          {evidence}
        </>
      )}
    </>
  )
}

function StaffVerdicts(props: { app: ApplicationDetail; timeZone: string }) {
  const review = props.app.latestReview
  if (!review) return null
  return (
    <section class="form-section" aria-labelledby="verdicts-heading">
      <h2 id="verdicts-heading">Staff review{review.round > 1 ? ` (round ${review.round})` : ''}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Verdict</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {review.items.map((item) => (
              <tr>
                <th scope="row">{criterionLabels[item.criterion]}</th>
                <td>
                  <span class={`verdict verdict-${item.verdict}`}>{verdictLabels[item.verdict]}</span>
                </td>
                <td class="prose">{item.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function AnswerForm(props: { app: ApplicationDetail; answer?: { value: string; error?: string } }) {
  const { app } = props
  return (
    <section class="form-section" id="answer" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Your answer</h2>
      <p>
        {app.category === 'member'
          ? 'If staff ask for a document, add it under its criterion above first. Then write your answer and send it: the application goes back to staff.'
          : 'Write your answer and send it: the application goes back to staff.'}
      </p>
      <form method="post" action={`/applications/${app.id}/answer`} class="form-card" novalidate>
        <CsrfInput />
        <TextArea
          id="field-answer"
          name="answer"
          label="Answer to staff"
          rows={6}
          value={props.answer?.value ?? ''}
          error={props.answer?.error}
          hint={`Up to ${draftLimits.answer.toLocaleString('en-US')} characters.`}
        />
        <button type="submit" class="button">
          Send the answer
        </button>
      </form>
    </section>
  )
}

function Fact(props: { label: string; children: Child }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  )
}

/** What the applicant sent, read-only. */
function SentDetails(props: { app: ApplicationDetail }) {
  const { app } = props
  const mapSvg = app.category === 'member' ? regionMapSvg(app.states, app.counties) : null
  const none = <span class="note">Not given</span>
  return (
    <section class="form-section" aria-labelledby="sent-heading">
      <h2 id="sent-heading">What you sent</h2>
      <div class={mapSvg ? 'two-col' : undefined}>
        <div class="card">
          <dl class="facts">
            <Fact label={fieldLabels.organizationName}>{app.organizationName}</Fact>
            <Fact label={fieldLabels.shortName}>{app.shortName ?? none}</Fact>
            {app.category === 'member' ? (
              <Fact label={fieldLabels.leadOrganization}>{app.leadOrganization ?? none}</Fact>
            ) : null}
            <Fact label={fieldLabels.website}>{app.website ?? none}</Fact>
            <Fact label={fieldLabels.summary}>
              <span class="prose">{app.summary ?? none}</span>
            </Fact>
            {app.category === 'member' ? (
              <>
                <Fact label={`${fieldLabels.partners} (${app.partners.length})`}>
                  {app.partners.length > 0 ? app.partners.join('; ') : none}
                </Fact>
                <Fact label={fieldLabels.focusIndustries}>
                  {app.focusIndustries.length > 0 ? app.focusIndustries.join('; ') : none}
                </Fact>
                <Fact label={fieldLabels.designations}>
                  {app.designations.length > 0
                    ? app.designations.map((d) => `${d.program} ${d.kind} ${formatDate(d.date)}`).join('; ')
                    : none}
                </Fact>
                <Fact label="Region">
                  {app.states.map((s) => stateName(s) ?? s).join(', ')}
                  {app.counties.length > 0 ? `: ${app.counties.map(countyLabel).join('; ')}` : ''}
                </Fact>
              </>
            ) : (
              <>
                <Fact label={fieldLabels.bffKind}>{app.bffKind ? bffKindLabels[app.bffKind] : none}</Fact>
                <Fact label={fieldLabels.openSourceValue}>
                  <span class="prose">{app.openSourceValue ?? none}</span>
                </Fact>
              </>
            )}
          </dl>
        </div>
        {mapSvg ? <figure class="map-figure sent-map">{raw(mapSvg)}</figure> : null}
      </div>
    </section>
  )
}
