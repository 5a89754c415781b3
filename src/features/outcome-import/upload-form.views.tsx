import type { Metric } from '#src/features/outcomes/index.ts'
import { FileField, Select } from '#src/ui/fields.tsx'
import { CsrfInput } from '#src/ui/form-parts.tsx'

export type UploadFormProps = {
  metrics: Metric[]
  /** The years to choose from, latest first, and the one chosen. */
  years: number[]
  year: string
  errors: { year?: string; sheet?: string }
}

/** What an outcome sheet may look like (both layouts, with the metrics in use), then the year and the file. */
export function UploadForm(props: UploadFormProps) {
  const names = props.metrics.map((m) => m.name)
  return (
    <>
      <h2 id="upload-heading">Upload a spreadsheet</h2>
      <ul>
        <li>A CSV file or an Excel workbook (.xlsx, its first sheet), up to 10 MB and 50,000 rows.</li>
        <li>
          A header row, then either <strong>one row per organization and metric</strong> (columns{' '}
          <strong>organization</strong>, <strong>metric</strong>, <strong>value</strong> and optionally{' '}
          <strong>note</strong>) or <strong>one row per organization</strong> with a column per metric (
          <strong>organization</strong>, {names.join(', ')}; optionally a note column after each, such as "
          {names[0] ?? 'Jobs created'} note"). Columns are found by their header, in any order and case;
          metrics by their name or key.
        </li>
        <li>
          Organizations by their name, short name or slug. Counts as whole numbers (4347 or 4,347); dollars to
          the cent ($1,234.56 or 1234.56).
        </li>
        <li>
          Each organization's figures become its verified report for the year. An organization that already
          has a report for that year is refused: correct that report instead.
        </li>
      </ul>
      <form
        method="post"
        action="/staff/outcomes/import"
        enctype="multipart/form-data"
        class="form-card upload-form"
        aria-labelledby="upload-heading"
      >
        <CsrfInput />
        <Select
          id="year"
          name="year"
          label="Year of the figures"
          value={props.year}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
          error={props.errors.year}
          required
        />
        <FileField
          id="sheet"
          name="sheet"
          label="Spreadsheet (.csv or .xlsx)"
          accept=".csv,.tsv,.txt,.xlsx"
          error={props.errors.sheet}
          required
        />
        <button type="submit" class="button">
          Upload and preview
        </button>
      </form>
    </>
  )
}
