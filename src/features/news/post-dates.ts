import { formatInZone } from '#src/lib/time-zone.ts'

/** The date and 'HH:MM' time the network's clock showed at a post's instant, for the form. */
export function postLocal(instant: string, timeZone: string): { date: string; time: string } {
  const { date, time } = formatInZone(new Date(instant).toISOString(), timeZone)
  return { date, time }
}
