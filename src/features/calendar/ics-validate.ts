/**
 * A small RFC 5545 checker for the feeds we write: the rules calendar apps are strict about.
 * It does not parse every property value; it checks structure, line form and the
 * properties each component must have.
 */

export type IcsLine = { name: string; params: Record<string, string>; value: string }

const encoder = new TextEncoder()

/** Joins folded lines (CRLF followed by a space or tab) back into content lines. */
export const unfold = (text: string): string[] =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line, i, all) => !(i === all.length - 1 && line === ''))

/** Splits a content line into name, parameters and value (quoted parameter values may hold ':' and ';'). */
export const parseLine = (line: string): IcsLine | null => {
  const match = line.match(
    /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/,
  )
  if (!match) return null
  const params: Record<string, string> = {}
  for (const param of (match[2] ?? '').matchAll(
    /;([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:]*)(?:,(?:"[^"]*"|[^";:]*))*)/g,
  )) {
    params[(param[1] as string).toUpperCase()] = (param[2] as string).replace(/^"(.*)"$/, '$1')
  }
  return { name: (match[1] as string).toUpperCase(), params, value: match[3] ?? '' }
}

const DATE_TIME = /^\d{8}T\d{6}Z?$/
const DATE = /^\d{8}$/

/** Every way `text` breaks RFC 5545 that this checker knows about; empty when it found none. */
export function validateIcs(text: string): string[] {
  const errors: string[] = []
  if (!text.endsWith('\r\n')) errors.push('The last line does not end with CRLF.')
  const physical = text.split('\r\n')
  physical.forEach((line, i) => {
    if (/[\r\n]/.test(line)) errors.push(`Line ${i + 1} has a bare CR or LF; lines must end with CRLF.`)
    const octets = encoder.encode(line).length
    if (octets > 75) errors.push(`Line ${i + 1} is ${octets} octets long; lines must be folded at 75.`)
  })

  type Component = { name: string; props: IcsLine[]; children: Component[] }
  const root: Component = { name: '', props: [], children: [] }
  const stack: Component[] = [root]
  unfold(text).forEach((raw, i) => {
    const line = parseLine(raw)
    if (!line) {
      errors.push(
        `Content line ${i + 1} is not NAME[;PARAM=VALUE]:VALUE: ${JSON.stringify(raw.slice(0, 60))}`,
      )
      return
    }
    const top = stack[stack.length - 1] as Component
    if (line.name === 'BEGIN') {
      const child: Component = { name: line.value.toUpperCase(), props: [], children: [] }
      top.children.push(child)
      stack.push(child)
    } else if (line.name === 'END') {
      if (top === root || top.name !== line.value.toUpperCase())
        errors.push(`END:${line.value} does not close ${top === root ? 'anything' : `BEGIN:${top.name}`}.`)
      else stack.pop()
    } else if (top === root) {
      errors.push(`${line.name} is outside any component.`)
    } else top.props.push(line)
  })
  for (const open of stack.slice(1)) errors.push(`BEGIN:${open.name} is never closed.`)

  const calendars = root.children
  if (calendars.length !== 1 || calendars[0]?.name !== 'VCALENDAR')
    errors.push('The text must hold exactly one VCALENDAR and nothing else.')
  const one = (c: Component, name: string) => c.props.filter((p) => p.name === name)
  const requireOnce = (c: Component, name: string, where: string) => {
    const found = one(c, name)
    if (found.length !== 1) errors.push(`${where} must have exactly one ${name}, it has ${found.length}.`)
    return found[0]
  }

  for (const calendar of calendars.filter((c) => c.name === 'VCALENDAR')) {
    const version = requireOnce(calendar, 'VERSION', 'VCALENDAR')
    if (version && version.value !== '2.0') errors.push(`VERSION is ${version.value}, not 2.0.`)
    const prodId = requireOnce(calendar, 'PRODID', 'VCALENDAR')
    if (prodId && prodId.value.trim() === '') errors.push('PRODID is empty.')

    const zones = new Set<string>()
    for (const zone of calendar.children.filter((c) => c.name === 'VTIMEZONE')) {
      const tzid = requireOnce(zone, 'TZID', 'VTIMEZONE')
      if (tzid) zones.add(tzid.value)
      const observances = zone.children.filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT')
      if (observances.length === 0) errors.push(`VTIMEZONE ${tzid?.value} has no STANDARD or DAYLIGHT.`)
      for (const o of observances) {
        const where = `${o.name} of ${tzid?.value}`
        const start = requireOnce(o, 'DTSTART', where)
        if (start && !/^\d{8}T\d{6}$/.test(start.value))
          errors.push(`${where} DTSTART must be a local date-time.`)
        for (const name of ['TZOFFSETFROM', 'TZOFFSETTO']) {
          const offset = requireOnce(o, name, where)
          if (offset && !/^[+-]\d{4}(\d{2})?$/.test(offset.value))
            errors.push(`${where} ${name} is malformed.`)
        }
      }
    }

    const uids = new Set<string>()
    for (const event of calendar.children.filter((c) => c.name === 'VEVENT')) {
      const uid = requireOnce(event, 'UID', 'VEVENT')
      const where = `VEVENT ${uid?.value ?? '(no UID)'}`
      if (uid) {
        if (uids.has(uid.value)) errors.push(`UID ${uid.value} is used twice.`)
        uids.add(uid.value)
      }
      const stamp = requireOnce(event, 'DTSTAMP', where)
      if (stamp && !/^\d{8}T\d{6}Z$/.test(stamp.value))
        errors.push(`${where} DTSTAMP must be a UTC date-time.`)
      const lastModified = one(event, 'LAST-MODIFIED')[0]
      if (lastModified && !/^\d{8}T\d{6}Z$/.test(lastModified.value))
        errors.push(`${where} LAST-MODIFIED must be a UTC date-time.`)
      const start = requireOnce(event, 'DTSTART', where)
      if (one(event, 'DTEND').length > 0 && one(event, 'DURATION').length > 0)
        errors.push(`${where} has both DTEND and DURATION.`)
      for (const time of [start, one(event, 'DTEND')[0]]) {
        if (!time) continue
        const isDate = time.params.VALUE === 'DATE'
        if (!(isDate ? DATE : DATE_TIME).test(time.value)) errors.push(`${where} ${time.name} is malformed.`)
        const tzid = time.params.TZID
        if (tzid !== undefined) {
          if (time.value.endsWith('Z')) errors.push(`${where} ${time.name} has a TZID and a UTC time.`)
          if (!zones.has(tzid)) errors.push(`${where} ${time.name} uses TZID ${tzid} with no VTIMEZONE.`)
        }
      }
      const status = one(event, 'STATUS')[0]
      if (status && !['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(status.value))
        errors.push(`${where} STATUS ${status.value} is not one an event may have.`)
      const sequence = one(event, 'SEQUENCE')[0]
      if (sequence && !/^\d+$/.test(sequence.value)) errors.push(`${where} SEQUENCE is not a whole number.`)
    }
  }
  return errors
}

/** The events of a feed as name → value maps (first value of each property), for assertions. */
export function icsEvents(text: string): Array<Record<string, IcsLine>> {
  const events: Array<Record<string, IcsLine>> = []
  let current: Record<string, IcsLine> | null = null
  for (const raw of unfold(text)) {
    const line = parseLine(raw)
    if (!line) continue
    if (line.name === 'BEGIN' && line.value === 'VEVENT') current = {}
    else if (line.name === 'END' && line.value === 'VEVENT' && current) {
      events.push(current)
      current = null
    } else if (current && !(line.name in current)) current[line.name] = line
  }
  return events
}

/** An iCalendar TEXT value as the text it stands for (RFC 5545 §3.3.11). */
export const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
