/**
 * Durations as the reports write them, in whole seconds, or null when unreadable:
 * Teams `1h 13m 42s`, `59m 29s`, `3h 26s`; Meet `1 hr 2 min`, `58 min`; a bare number
 * is minutes (Zoom's `Duration (Minutes)`); `h:mm:ss` is read too.
 */
const UNIT_SECONDS: Record<string, number> = {
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
}

export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase()
  if (s === '') return null
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 60)
  const clock = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(s)
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])
  if (s.length > 100) return null
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\.?/g
  let total = 0
  let consumed = ''
  const seen = new Set<number>()
  for (let m = part.exec(s); m; m = part.exec(s)) {
    const unit = UNIT_SECONDS[m[2] as string]
    if (unit === undefined || seen.has(unit)) return null
    seen.add(unit)
    total += Number(m[1]) * unit
    consumed += m[0]
  }
  if (consumed === '' || consumed.replace(/\s/g, '') !== s.replace(/[\s,]/g, '')) return null
  return Math.round(total)
}
