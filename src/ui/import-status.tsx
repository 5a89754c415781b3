import type { FileImportRecord } from '#src/db/file-import-records.ts'
import { formatInstantInZone } from './format.ts'

/** What a spreadsheet import's status is called (past attendance, outcomes). */
export const statusLabels = { preview: 'Preview', committed: 'Committed', undone: 'Undone' } as const

/** "November 26, 2026, 2:03 pm ET by Avery Staff" (the command line when no person). */
export function Stamp(props: { at: string | null; who: string | null; timeZone: string }) {
  if (!props.at) return null
  return (
    <span class="note">
      {formatInstantInZone(props.at, props.timeZone)} by {props.who ?? 'the command line'}
    </span>
  )
}

/** An import's status in a list: its badge, and who committed it or undid it, and when. */
export function ImportStatusCell(props: { item: FileImportRecord; timeZone: string }) {
  const { item } = props
  return (
    <td>
      <span class={`badge import-${item.status}`}>{statusLabels[item.status]}</span>
      <br />
      {item.status === 'undone' ? (
        <Stamp at={item.undoneAt} who={item.undoneBy} timeZone={props.timeZone} />
      ) : (
        <Stamp at={item.committedAt} who={item.committedBy} timeZone={props.timeZone} />
      )}
    </td>
  )
}
