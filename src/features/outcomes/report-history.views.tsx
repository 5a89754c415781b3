import type { OutcomeReportAction } from '#src/db/schema/index.ts'
import { TimeAt } from '#src/ui/time-at.tsx'
import type { Metric } from './metrics.ts'
import { FiguresTable } from './report-figures.views.tsx'
import type { ReportEvent } from './report-queries.ts'

const actionWords: Record<OutcomeReportAction, string> = {
  submitted: 'Submitted',
  returned: 'Returned for changes',
  verified: 'Verified',
  corrected: 'Corrected',
}

const nameOf = (metrics: Metric[], key: string) => metrics.find((m) => m.key === key)?.name ?? key

/** Every round of the report, oldest first: who did what and when, with comments and the figures as they stood. */
export function ReportHistory(props: { events: ReportEvent[]; metrics: Metric[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {props.events.length === 0 ? (
        <p>Nothing has happened yet: the report has not been submitted.</p>
      ) : (
        <ol class="timeline report-history">
          {props.events.map((event) => {
            const figureComments = Object.entries(event.figureComments)
            return (
              <li>
                <TimeAt at={event.at} />
                <p>
                  <strong>{actionWords[event.action]}</strong> (round {event.round}) by{' '}
                  {event.personName ?? 'someone no longer on record'}
                </p>
                {event.comment ? (
                  <p>
                    {event.action === 'corrected' ? 'Reason: ' : 'Comment: '}
                    {event.comment}
                  </p>
                ) : null}
                {figureComments.map(([key, text]) => (
                  <p>
                    On {nameOf(props.metrics, key)}: {text}
                  </p>
                ))}
                {event.figures.length > 0 ? (
                  <details>
                    <summary>The figures as they stood</summary>
                    <FiguresTable
                      metrics={props.metrics}
                      figures={event.figures}
                      caption={`Figures after: ${actionWords[event.action].toLowerCase()}, round ${event.round}`}
                    />
                  </details>
                ) : null}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
