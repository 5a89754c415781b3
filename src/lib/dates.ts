const formatters = new Map<string, Intl.DateTimeFormat>()

/** Today's date (YYYY-MM-DD) in a time zone: the network's, not the server's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // Building a formatter costs far more than using one: keep one per zone.
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, format)
  }
  return format.format(now)
}
