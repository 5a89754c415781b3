import { CsrfInput, ErrorSummary, Field, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import { periodFieldsOf } from './goal-form.ts'
import type { GoalVersion } from './goals.ts'
import type { Metric } from './metrics.ts'
import type { DesignationTerm, OutcomeOrganization } from './outcome-organizations.ts'
import { amountText, metricTitle, unitHint } from './outcome-parts.tsx'
import { PeriodFields } from './period-fields.tsx'
import type { PeriodValues } from './period-form.ts'
import { periodLabel } from './periods.ts'
import { OrganizationChooser } from './reports-list.views.tsx'

const label = (g: GoalVersion) => periodLabel({ start: g.periodStart, end: g.periodEnd })
const unitOf = (metrics: Metric[], key: string) => metrics.find((m) => m.key === key)?.unit ?? 'count'
const nameOf = (metrics: Metric[], key: string) => metrics.find((m) => m.key === key)?.name ?? key

function changeHref(org: OutcomeOrganization, goal: GoalVersion, terms: DesignationTerm[]) {
  const query = new URLSearchParams({ organization: org.slug, ...periodFieldsOf(goal, terms) })
  return `/outcomes/goals?${query.toString()}#set-heading`
}

function CurrentGoals(props: {
  org: OutcomeOrganization
  goals: GoalVersion[]
  metrics: Metric[]
  terms: DesignationTerm[]
}) {
  if (props.goals.length === 0) return <p>{props.org.name} has set no goal yet.</p>
  return (
    <div class="table-wrap">
      <table>
        <caption>Goals in force, by period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Metric</th>
            <th scope="col" class="num">
              Goal
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {props.goals.map((g) => (
            <tr>
              <td>{label(g)}</td>
              <th scope="row">{nameOf(props.metrics, g.metric)}</th>
              <td class="num">{amountText(g.target, unitOf(props.metrics, g.metric))}</td>
              <td>
                <a href={changeHref(props.org, g, props.terms)}>
                  Change<span class="visually-hidden"> the goals of {label(g)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function GoalHistory(props: { history: GoalVersion[]; metrics: Metric[] }) {
  if (props.history.length === 0) return <p>No goal has been set yet.</p>
  return (
    <div class="table-wrap">
      <table>
        <caption>Every version of every goal, newest first within a period and metric</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Metric</th>
            <th scope="col" class="num">
              Goal
            </th>
            <th scope="col" class="num">
              Version
            </th>
            <th scope="col">Set by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((g) => (
            <tr>
              <td>{label(g)}</td>
              <th scope="row">{nameOf(props.metrics, g.metric)}</th>
              <td class="num">
                {g.target === null ? 'Removed' : amountText(g.target, unitOf(props.metrics, g.metric))}
              </td>
              <td class="num">{g.version}</td>
              <td>{g.setBy ?? 'Someone no longer on record'}</td>
              <td>
                <TimeAt at={g.setAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** An organisation's goals: those in force, the form to set a period's goals, and every earlier version. */
export function GoalsPage(props: {
  organizations: OutcomeOrganization[]
  org: OutcomeOrganization | null
  terms: DesignationTerm[]
  metrics: Metric[]
  allMetrics: Metric[]
  current: GoalVersion[]
  history: GoalVersion[]
  period: PeriodValues
  values: Record<string, string>
  errors: Partial<Record<string, string>>
  flash?: FlashMessage
}) {
  const { org } = props
  return (
    <Layout title={org ? `Goals: ${org.name}` : 'Goals'}>
      <div class="wrap">
        <p class="breadcrumbs">
          <a href={org ? `/outcomes?organization=${org.slug}` : '/outcomes'}>Outcome reports</a>
        </p>
        <h1>{org ? `Goals: ${org.name}` : 'Goals'}</h1>
        <p class="lede">
          What the community aims for in a period, metric by metric. Verified figures are measured against the
          goals. A changed goal keeps its earlier versions, with who set them and when.
        </p>
        <Flashes flash={props.flash} />
        <OrganizationChooser action="/outcomes/goals" organizations={props.organizations} chosen={org} />
        {org ? (
          <>
            <h2>Goals in force</h2>
            <CurrentGoals org={org} goals={props.current} metrics={props.allMetrics} terms={props.terms} />
            <h2 id="set-heading">Set goals for a period</h2>
            <ErrorSummary errors={props.errors} />
            <form method="post" action="/outcomes/goals" class="form-card" novalidate>
              <CsrfInput />
              <input type="hidden" name="organization" value={org.slug} />
              <PeriodFields
                values={props.period}
                errors={props.errors}
                terms={props.terms}
                legend="The period"
              />
              <fieldset class="form-section">
                <legend>Goals (leave a goal empty to have none)</legend>
                {props.metrics.map((metric) => (
                  <Field
                    id={`goal-${metric.key}`}
                    name={`goal-${metric.key}`}
                    label={metricTitle(metric)}
                    required={false}
                    inputmode={metric.unit === 'usd' ? 'decimal' : 'numeric'}
                    value={props.values[`goal-${metric.key}`] ?? ''}
                    error={props.errors[`goal-${metric.key}`]}
                    hint={unitHint(metric)}
                  />
                ))}
              </fieldset>
              <button type="submit" class="button">
                Save the goals
              </button>
            </form>
            <h2>History of the goals</h2>
            <GoalHistory history={props.history} metrics={props.allMetrics} />
          </>
        ) : (
          <p>Choose the organisation whose goals you want to see or set.</p>
        )}
      </div>
    </Layout>
  )
}
