import { categoryLabels } from '#src/features/organizations/index.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatInstantInZone, formatNumber } from '#src/ui/format.ts'
import { staffStatusLabels } from './labels.ts'
import { COMMENT_MAX } from './review-form.ts'
import type { ApplicationDetail } from './types.ts'

// Small pieces of the staff and board pages.

export function When(props: { iso: string | null; timeZone: string }) {
  if (!props.iso) return <span>not yet</span>
  return <time datetime={props.iso}>{formatInstantInZone(props.iso, props.timeZone)}</time>
}

/** Text typed by a person, with its line breaks kept (as <br>: the text itself stays escaped). */
export function Lines(props: { text: string }) {
  const lines = props.text.split('\n')
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  )
}

/** An outside link typed by an applicant: only http(s), never followed for ranking, no opener. */
export function OutsideLink(props: { url: string }) {
  if (!isWebAddress(props.url)) return <span>{props.url} (not a web address, so not linked)</span>
  return (
    <a href={props.url} rel="noopener nofollow">
      {props.url}
    </a>
  )
}

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} bytes`

export function CategoryBadge(props: { category: 'member' | 'bff' }) {
  return (
    <span class={props.category === 'bff' ? 'badge bff' : 'badge'}>{categoryLabels[props.category]}</span>
  )
}

export function ApplicationHead(props: { app: ApplicationDetail; back: { href: string; label: string } }) {
  return (
    <>
      <p>
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <div class="profile-head">
        <h1>{props.app.organizationName || 'Unnamed organisation'}</h1>
        <CategoryBadge category={props.app.category} />
      </div>
      <p class="lede">
        {staffStatusLabels[props.app.status]}
        {props.app.category === 'member' && props.app.round > 0 ? `, review round ${props.app.round}` : ''}.
      </p>
    </>
  )
}

/** Radio buttons in a fieldset, with the error (if any) under the legend. */
export function Choices(props: {
  name: string
  legend: string
  options: readonly { value: string; label: string }[]
  value: string
  error?: string
}) {
  const errorId = `${props.name}-error`
  return (
    <fieldset class="choices" aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o) => (
        <span class="choice">
          <input
            type="radio"
            id={`${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            class="choice-input"
          />{' '}
          <label for={`${props.name}-${o.value}`} class="choice-label">
            {o.label}
          </label>{' '}
        </span>
      ))}
    </fieldset>
  )
}

export const commentHint = `Up to ${formatNumber(COMMENT_MAX)} characters.`
