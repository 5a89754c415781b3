import { type ComplianceStatus, complianceStatusLabels } from './status.ts'

export function StatusBadge(props: { status: ComplianceStatus }) {
  return (
    <span class={`badge obligation-status status-${props.status}`}>
      {complianceStatusLabels[props.status]}
    </span>
  )
}

export function YearNav(props: {
  year: number
  maxYear: number
  href: (year: number) => string
  label: string
}) {
  return (
    <nav class="year-nav" aria-label={props.label}>
      <a href={props.href(props.year - 1)}>
        <span aria-hidden="true">← </span>
        {props.year - 1}
      </a>
      {props.year < props.maxYear ? (
        <a href={props.href(props.year + 1)}>
          {props.year + 1}
          <span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </nav>
  )
}
