import { formatInZone, zonedTimeToUtc } from '#src/lib/time-zone.ts'

/** A post's date and time as staff type them, in the network's zone, as an instant (ISO, UTC). */
export const postInstant = (date: string, time: string, timeZone: string): string =>
  zonedTimeToUtc(date, time, timeZone)

/** The date and 'HH:MM' time the network's clock showed at a post's instant, for the form. */
export function postLocal(instant: string, timeZone: string): { date: string; time: string } {
  const { date, time } = formatInZone(new Date(instant).toISOString(), timeZone)
  return { date, time }
}
