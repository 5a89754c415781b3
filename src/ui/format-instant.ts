/** An instant as the ISO string a <time datetime> wants, or undefined when it cannot be read. */
export function isoInstant(instant: string | Date): string | undefined {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/**
 * A recorded field value as text: strings as they are, everything else (numbers, booleans,
 * null, arrays, objects) as JSON. The caller renders it as text, so nothing in it is markup.
 */
export function formatAuditValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  // Indented JSON folded onto one line: spaces after commas let long arrays wrap. Line breaks
  // inside strings are escaped by JSON, so every real one comes from the indentation.
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ')
}
