/** Figures taken from documents on a profile: each with its value as reported, its date and its source. */
import { factValueText, type ReportedFact } from '#src/features/outcomes/index.ts'
import { formatDate } from '#src/ui/format.ts'

const safeHref = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : undefined)

export function ReportedFacts(props: { facts: readonly ReportedFact[]; lead: string }) {
  if (props.facts.length === 0) return null
  return (
    <>
      <p class="note">{props.lead}</p>
      <ul class="reported-facts">
        {props.facts.map((fact) => {
          const href = safeHref(fact.sourceUrl)
          return (
            <li>
              {fact.label}: <strong>{factValueText(fact)}</strong>{' '}
              <span class="note">
                (as of <time datetime={fact.asOf}>{formatDate(fact.asOf)}</time>; source:{' '}
                {href ? (
                  <a href={href} rel="nofollow noopener">
                    {fact.sourceTitle}
                  </a>
                ) : (
                  fact.sourceTitle
                )}
                )
              </span>
            </li>
          )
        })}
      </ul>
    </>
  )
}
