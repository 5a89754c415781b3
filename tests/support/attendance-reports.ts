/** Attendance reports written in code for tests and benchmarks, in the Zoom participants CSV layout. */

export type ReportPerson = {
  name: string
  email?: string | null
  /** Minutes after the call's start the person joined. */
  joinMinute?: number
  minutes: number
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `MM/DD/YYYY hh:mm:ss AM` for a wall-clock minute after `startHour`:00 on `date`. */
function zoomTime(date: string, startHour: number, minute: number): string {
  const [y, m, d] = date.split('-')
  const total = startHour * 60 + minute
  const h24 = Math.floor(total / 60)
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12
  return `${m}/${d}/${y} ${pad(h12)}:${pad(total % 60)}:00 ${h24 < 12 ? 'AM' : 'PM'}`
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/**
 * A Zoom participants CSV (the newer headers, no meeting-data preamble) for a call on `date`
 * starting at `startHour`:00 in the call's zone, one row a person.
 */
export function zoomReport(date: string, rows: readonly ReportPerson[], startHour = 13): Buffer {
  const lines = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest']
  for (const row of rows) {
    const join = row.joinMinute ?? 0
    lines.push(
      [
        quote(row.name),
        row.email ?? '',
        zoomTime(date, startHour, join),
        zoomTime(date, startHour, join + row.minutes),
        String(row.minutes),
        row.email ? 'No' : 'Yes',
      ].join(','),
    )
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')
}
