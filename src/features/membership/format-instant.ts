/** An instant in the network's time zone: 'November 26, 2026 at 10:05 AM EST'. */
export function formatInstant(isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(isoInstant))
}
