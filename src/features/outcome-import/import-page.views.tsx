import { ButtonForm, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { ImportHistory } from '#src/ui/import-status.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { IMPORT_PATH, importUrl } from './import-list.views.tsx'
import type { OutcomePlan } from './plan.ts'
import { PlannedFigures, Problems } from './plan.views.tsx'
import type { OutcomeImportItem } from './records.ts'

export type ImportPageProps = {
  item: OutcomeImportItem
  /** What committing would write, checked now (previews only). */
  plan?: OutcomePlan
  /** The organisations whose reports this import wrote (committed imports). */
  written?: { name: string; slug: string }[]
  timeZone: string
  flash?: FlashMessage
}

const layouts = { long: 'one row per organization and metric', wide: 'one column per metric' }

/** One outcome import: a preview's reports and problems with commit and discard, or what it wrote and undo. */
export function ImportPage(props: ImportPageProps) {
  const { item, plan } = props
  const year = item.periodStart.slice(0, 4)
  return (
    <Layout title={`Outcome figures for ${year}: ${item.fileName}`}>
      <div class="wrap">
        <StaffNav current="outcome-import" />
        <p>
          <a href={IMPORT_PATH}>All imports of outcome figures</a>
        </p>
        <h1>
          Outcome figures for {year}: {item.fileName}
        </h1>
        <Flashes flash={props.flash} />
        <ImportHistory item={item} timeZone={props.timeZone} />
        {plan ? <Preview item={item} plan={plan} year={year} /> : <Done {...props} />}
      </div>
    </Layout>
  )
}

function Preview(props: { item: OutcomeImportItem; plan: OutcomePlan; year: string }) {
  const { plan } = props
  const counts: [string, number][] = [
    ['rows read', plan.rows],
    [`verified ${plural(plan.reports.length, 'report')} to write`, plan.reports.length],
    [plural(plan.problems.length, 'problem'), plan.problems.length],
  ]
  return (
    <>
      <h2>Preview: nothing is recorded until you commit</h2>
      <p>
        The file is read as {layouts[plan.layout]}, for the year {props.year}.
      </p>
      <ul class="figures import-figures" aria-label="What the file holds">
        {counts.map(([label, n]) => (
          <li class="figure">
            <span class="value">{formatNumber(n)}</span> <span class="label">{label}</span>
          </li>
        ))}
      </ul>
      {plan.problems.length > 0 ? <Problems problems={plan.problems} /> : null}
      <PlannedFigures plan={plan} year={props.year} blocked={plan.problems.length > 0} />
      <p>
        {plan.problems.length > 0
          ? 'Correct the rows with a problem and upload the file again, or discard this preview.'
          : `Committing writes these reports for ${props.year} as verified, all at once; undoing the import removes them all.`}
      </p>
      <div class="actions-row">
        {plan.problems.length === 0 && plan.reports.length > 0 ? (
          <ButtonForm action={`${importUrl(props.item.id)}/commit`}>
            Commit {formatNumber(plan.reports.length)} verified {plural(plan.reports.length, 'report')}
          </ButtonForm>
        ) : null}
        <ButtonForm action={`${importUrl(props.item.id)}/discard`} buttonClass="button secondary">
          Discard this preview
        </ButtonForm>
      </div>
    </>
  )
}

function Done(props: ImportPageProps) {
  const { item } = props
  const written = props.written ?? []
  return (
    <>
      <p>
        {formatNumber(item.rowCount)} rows read;{' '}
        {item.status === 'committed'
          ? `${formatNumber(written.length)} verified ${plural(written.length, 'report')} written by this import.`
          : 'the reports it wrote were removed.'}
      </p>
      {written.length > 0 ? (
        <ul>
          {written.map((org) => (
            <li>
              <a href={`/organizations/${org.slug}`}>{org.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {item.status === 'committed' ? (
        <ButtonForm action={`${importUrl(item.id)}/undo`} buttonClass="button secondary">
          Undo this import
        </ButtonForm>
      ) : null}
    </>
  )
}
