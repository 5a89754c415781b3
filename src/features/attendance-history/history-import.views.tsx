import { ButtonForm, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { ImportHistory } from '#src/ui/import-status.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { HISTORY_PATH, historyUrl } from './history-page.views.tsx'
import type { HistoryPlan } from './plan.ts'
import type { HistoryImportItem } from './records.ts'

/** The problems a preview lists; a sheet with more is corrected in parts. */
const PROBLEMS_SHOWN = 200

export type HistoryImportPageProps = {
  item: HistoryImportItem
  /** What committing would write, checked now (previews only). */
  plan?: HistoryPlan
  timeZone: string
  flash?: FlashMessage
}

/** One history import: a preview's counts and problems with commit and discard, or what it wrote and undo. */
export function HistoryImportPage(props: HistoryImportPageProps) {
  const { item, plan } = props
  return (
    <Layout title={`Past attendance: ${item.fileName}`}>
      <div class="wrap">
        <StaffNav current="attendance-history" />
        <p>
          <a href={HISTORY_PATH}>All imports of past attendance</a>
        </p>
        <h1>Past attendance: {item.fileName}</h1>
        <Flashes flash={props.flash} />
        <ImportHistory item={item} timeZone={props.timeZone} />
        {plan ? <Preview item={item} plan={plan} /> : <Done item={item} />}
      </div>
    </Layout>
  )
}

function Preview(props: { item: HistoryImportItem; plan: HistoryPlan }) {
  const { plan } = props
  const counts: [string, number][] = [
    ['rows read', plan.rows],
    ['will be written', plan.writes.length],
    ['already present', plan.alreadyPresent],
    ['marked not attended', plan.absent],
    ['problems', plan.problems.length],
  ]
  return (
    <>
      <h2>Preview: nothing is recorded until you commit</h2>
      <ul class="figures import-figures" aria-label="What the file holds">
        {counts.map(([label, n]) => (
          <li class="figure">
            <span class="value">{formatNumber(n)}</span>
            <span class="label">{label}</span>
          </li>
        ))}
      </ul>
      {plan.problems.length > 0 ? (
        <>
          <h2 id="problems-heading">Problems to correct</h2>
          <p>
            While a row has a problem nothing can be committed: correct these rows in the spreadsheet and
            upload it again.
          </p>
          <section class="table-wrap" aria-labelledby="problems-heading" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {plan.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                  <tr>
                    <td>{p.row}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {plan.problems.length > PROBLEMS_SHOWN ? (
            <p>
              The first {formatNumber(PROBLEMS_SHOWN)} problems are shown;{' '}
              {formatNumber(plan.problems.length - PROBLEMS_SHOWN)} more rows have one. Correct these and
              upload the file again to see the rest.
            </p>
          ) : null}
        </>
      ) : null}
      <div class="actions-row">
        {plan.problems.length === 0 ? (
          <ButtonForm action={`${historyUrl(props.item.id)}/commit`}>
            Commit {formatNumber(plan.writes.length)} attendance {plural(plan.writes.length, 'record')}
          </ButtonForm>
        ) : null}
        <ButtonForm action={`${historyUrl(props.item.id)}/discard`} buttonClass="button secondary">
          Discard this preview
        </ButtonForm>
      </div>
    </>
  )
}

function Done(props: { item: HistoryImportItem }) {
  const { item } = props
  return (
    <>
      <p>
        {formatNumber(item.rowCount)} rows read;{' '}
        {item.status === 'committed'
          ? `${formatNumber(item.written)} attendance records written by this import.`
          : 'its attendance records were removed.'}
      </p>
      {item.status === 'committed' ? (
        <ButtonForm action={`${historyUrl(item.id)}/undo`} buttonClass="button secondary">
          Undo this import
        </ButtonForm>
      ) : null}
    </>
  )
}
