/** Figures taken from documents on a profile: each with its value as reported, its date and its source. */
import { factValueText, type ReportedFact } from '#src/features/outcomes/index.ts'
import { webHref } from '#src/lib/web-address.ts'
import { formatDate } from '#src/ui/format.ts'

function Fact(props: { fact: ReportedFact }) {
  const { fact } = props
  const href = webHref(fact.sourceUrl)
  return (
    <>
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
    </>
  )
}

/**
 * The facts under a lead sentence: as a list, or (`beside`, next to a derived count and its list)
 * as paragraphs, so they never read as items of that list.
 */
export function ReportedFacts(props: { facts: readonly ReportedFact[]; lead: string; beside?: boolean }) {
  if (props.facts.length === 0) return null
  return (
    <div class="reported-facts">
      <p class="note">{props.lead}</p>
      {props.beside ? (
        props.facts.map((fact) => (
          <p>
            <Fact fact={fact} />
          </p>
        ))
      ) : (
        <ul>
          {props.facts.map((fact) => (
            <li>
              <Fact fact={fact} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
