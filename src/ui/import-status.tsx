import type { FileImportRecord } from '#src/db/file-import-records.ts'
import { noticeFlash } from '#src/http/notice.ts'
import type { FlashMessage } from './form-parts.tsx'
import { formatInstantInZone } from './format.ts'
import { TimeAt } from './time-at.tsx'

/** What an import's status is called (a call's attendance, past attendance, outcomes). */
export const statusLabels = {
  preview: 'Preview, not committed',
  committed: 'Committed',
  undone: 'Undone',
} as const

/** Who did it: a person's name, or the command line. */
const byWhom = (who: string | null) => who ?? 'the command line'

/** "This file was already imported on November 26, 2026, 2:03 pm ET by Avery Staff: …" */
export const alreadyImported = (item: FileImportRecord, timeZone: string): string =>
  `This file was already imported on ${formatInstantInZone(item.committedAt ?? item.createdAt, timeZone)} by ${byWhom(
    item.committedBy,
  )}: nothing was written again.`

/**
 * The flash an import's page shows: its own (`flash`), else the notice its address carries:
 * 'already' (this file was imported before), or one of the feature's own `notices`.
 */
export function importFlash(
  notice: string | undefined,
  item: FileImportRecord,
  options: { notices: Record<string, string>; timeZone: string; flash?: FlashMessage },
): FlashMessage | undefined {
  if (options.flash) return options.flash
  if (notice === 'already') return { text: alreadyImported(item, options.timeZone) }
  return noticeFlash(options.notices, notice)
}

/**
 * When something was done, and by whom when `by` is given: "November 26, 2026, 2:03 pm ET by Avery
 * Staff" (`by` null: the command line). Nothing when it was not done (`at` null).
 */
export function Stamp(props: { at: string | null; by?: string | null; timeZone: string }) {
  if (!props.at) return null
  return (
    <>
      <TimeAt at={props.at} timeZone={props.timeZone} />
      {props.by === undefined ? null : ` by ${byWhom(props.by)}`}
    </>
  )
}

/** An import's status as a badge: Preview, Committed or Undone. */
export const ImportBadge = (props: { status: FileImportRecord['status'] }) => (
  <span class={`badge import-${props.status}`}>{statusLabels[props.status]}</span>
)

/**
 * An import's page's line of what happened to it: its badge, then when it was uploaded, committed
 * and undone, and by whom ("Committed Uploaded November 26, 2026, 2:03 pm ET by Avery Staff;
 * committed …").
 */
export function ImportHistory(props: { item: FileImportRecord; timeZone: string }) {
  const { item, timeZone } = props
  return (
    <p>
      <ImportBadge status={item.status} /> Uploaded{' '}
      <Stamp at={item.createdAt} by={item.createdBy} timeZone={timeZone} />
      {item.committedAt ? (
        <>
          ; committed <Stamp at={item.committedAt} by={item.committedBy} timeZone={timeZone} />
        </>
      ) : null}
      {item.undoneAt ? (
        <>
          ; undone <Stamp at={item.undoneAt} by={item.undoneBy} timeZone={timeZone} />
        </>
      ) : null}
      .
    </p>
  )
}

/** An import's status in a list: its badge, and who committed it or undid it, and when. */
export function ImportStatusCell(props: { item: FileImportRecord; timeZone: string }) {
  const { item } = props
  return (
    <td>
      <ImportBadge status={item.status} />
      <br />
      <span class="note">
        {item.status === 'undone' ? (
          <Stamp at={item.undoneAt} by={item.undoneBy} timeZone={props.timeZone} />
        ) : (
          <Stamp at={item.committedAt} by={item.committedBy} timeZone={props.timeZone} />
        )}
      </span>
    </td>
  )
}
