import { formatDate, formatNumber, percentText, plural } from '#src/ui/format.ts'
import type { YearReport } from './year-report.ts'

/** The year's highlights: organisations, calls and attendance, presentations, briefings. */
export function Highlights(props: { report: YearReport }) {
  const r = props.report
  const day = r.isOver ? `at the end of ${r.year}` : `on ${formatDate(r.asOf)}`
  const items = [
    {
      value: formatNumber(r.members),
      label: `member ${plural(r.members, 'community', 'communities')} ${day}`,
    },
    {
      value: formatNumber(r.bffs),
      label: `${plural(r.bffs, 'BFF', 'BFFs')} (federal and national allies) ${day}`,
    },
    { value: formatNumber(r.callsHeld), label: `national ${plural(r.callsHeld, 'call')} held` },
    {
      value: r.attendanceRate === null ? '–' : percentText(r.attendanceRate),
      label:
        r.attendanceRate === null
          ? 'average attendance at the national calls: no call held with attendance records'
          : 'average attendance at the national calls',
    },
    {
      value: formatNumber(r.presentationsGiven),
      label: `${plural(r.presentationsGiven, 'presentation')} given on the calls`,
    },
    {
      value: formatNumber(r.briefingsPublished),
      label: `public ${plural(r.briefingsPublished, 'briefing')} published`,
    },
  ]
  return (
    <section class="report-section report-highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">The year in figures</h2>
      <ul class="figures" aria-label={`${r.year} in figures`}>
        {items.map((item) => (
          <li class="figure">
            <span class="value">{item.value}</span>
            <span class="label">{item.label}</span>
          </li>
        ))}
      </ul>
      <h3>How these are counted</h3>
      <ul class="report-notes">
        <li>
          Organisations are those admitted {day}: member communities and BFFs (federal agencies, national
          organisations and private allies).
        </li>
        <li>A national call is held when it was not cancelled and its day is over.</li>
        <li>
          Average attendance: for each organisation, the share of the calls held while it was a member that
          its representative or alternate attended (for at least the minimum minutes), averaged over the
          organisations with at least one such call (
          {r.attendanceOrganizations === 0
            ? `none in ${r.year}`
            : `${formatNumber(r.attendanceOrganizations)} in ${r.year}`}
          ). Calls before the network's attendance records begin are not counted.
        </li>
        <li>
          Presentations and briefings count only those in the public archive and library; items shared with
          members only are not counted here.
        </li>
        <li>
          Outcomes count verified figures only, each in the year its report's period ends; figures still in
          draft, submitted or returned for changes are not counted.
        </li>
      </ul>
    </section>
  )
}
